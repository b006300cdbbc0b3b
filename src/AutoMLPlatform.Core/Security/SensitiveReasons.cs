namespace AutoMLPlatform.Core.Security;

/// <summary>Words for why a column is personal data, as the schema shows them.</summary>
public static class SensitiveReasons
{
    public static string Describe(SensitiveKind kind) => kind switch
    {
        SensitiveKind.Email => "E-mail addresses",
        SensitiveKind.Phone => "Telephone numbers",
        SensitiveKind.PaymentCard => "Payment card numbers (Luhn-valid)",
        SensitiveKind.Iban => "Bank account numbers (valid IBANs)",
        SensitiveKind.Marked => "Marked sensitive by the uploader",
        _ => kind.ToString(),
    };
}
