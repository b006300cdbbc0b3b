namespace AutoMLPlatform.Core.Security;

/// <summary>Why a column is treated as personal data.</summary>
public enum SensitiveKind
{
    /// <summary>The uploader marked it sensitive.</summary>
    Marked,

    Email,

    Phone,

    /// <summary>Payment card numbers (13-19 digits passing the Luhn check).</summary>
    PaymentCard,

    /// <summary>International bank account numbers (passing the mod-97 check).</summary>
    Iban,
}
