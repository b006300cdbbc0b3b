using System.Collections.ObjectModel;
using AutoMLPlatform.TestSupport;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace AutoMLPlatform.Console.Tests;

/// <summary>
/// Debian's headless Chromium driven through Debian's chromedriver (never a downloaded browser), with the flags that
/// keep it off the network and a fresh profile per instance. Screenshots become attachments of the current test.
/// </summary>
public sealed class Browser : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string ChromeDriverPath = "/usr/bin/chromedriver";

    private readonly ChromeDriver _driver;
    private readonly TempDirectory _profile = new();
    private readonly Uri _baseAddress;

    public Browser(Uri baseAddress)
    {
        _baseAddress = baseAddress;
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriverPath)!, Path.GetFileName(ChromeDriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run", "--window-size=1400,1100",
            $"--user-data-dir={_profile.File("profile")}");
        options.AddUserProfilePreference("download.default_directory", _profile.File("downloads"));
        options.AddUserProfilePreference("download.prompt_for_download", false);
        _driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    public static bool IsInstalled => File.Exists(ChromiumPath) && File.Exists(ChromeDriverPath);

    public IWebDriver Driver => _driver;

    public string DownloadDirectory => _profile.File("downloads");

    /// <summary>Opens a page of the console by its hash route, e.g. <c>#/models</c>.</summary>
    public void Open(string route = "") => _driver.Navigate().GoToUrl(new Uri(_baseAddress, "/" + route));

    public void SignIn(string key)
    {
        Open();
        var input = WaitFor("#api-key");
        input.Clear();
        input.SendKeys(key + Keys.Enter);
    }

    public IWebElement Find(string css) => _driver.FindElement(By.CssSelector(css));

    public ReadOnlyCollection<IWebElement> FindAll(string css) => _driver.FindElements(By.CssSelector(css));

    /// <summary>Waits for a visible element; the timeout's message names the selector and the page's text.</summary>
    public IWebElement WaitFor(string css, TimeSpan? timeout = null) =>
        Until(d => d.FindElements(By.CssSelector(css)).FirstOrDefault(e => e.Displayed), $"'{css}' to appear", timeout);

    /// <summary>Waits until the condition holds.</summary>
    public void Until(Func<IWebDriver, bool> condition, string what, TimeSpan? timeout = null) =>
        Until(d => condition(d) ? (object)true : null, what, timeout);

    /// <summary>Waits until the function returns something other than null (Selenium's rule: an object or a boolean).</summary>
    public T Until<T>(Func<IWebDriver, T?> condition, string what, TimeSpan? timeout = null)
        where T : class
    {
        var wait = new WebDriverWait(_driver, timeout ?? TimeSpan.FromSeconds(20)) { PollingInterval = TimeSpan.FromMilliseconds(200) };
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
        try
        {
            return wait.Until(d => condition(d))!;
        }
        catch (WebDriverTimeoutException ex)
        {
            throw new AssertionException($"Timed out waiting for {what}. Page text:\n{_driver.FindElement(By.TagName("body")).Text}", ex);
        }
    }

    /// <summary>Answers the console's confirmation dialog.</summary>
    public void Confirm() => WaitFor("#confirm-ok").Click();

    /// <summary>Saves a PNG of the page and attaches it to the running test.</summary>
    public void Screenshot(string name)
    {
        var directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{TestContext.CurrentContext.Test.MethodName}-{name}.png");

        // The whole page, not just the window: grow the window to the document's height for the shot.
        var window = _driver.Manage().Window;
        var size = window.Size;
        var height = Convert.ToInt32(_driver.ExecuteScript("return document.documentElement.scrollHeight;"), System.Globalization.CultureInfo.InvariantCulture);
        window.Size = new System.Drawing.Size(size.Width, Math.Clamp(height + 140, size.Height, 6000));
        _driver.GetScreenshot().SaveAsFile(path);
        window.Size = size;
        TestContext.AddTestAttachment(path, name);
    }

    /// <summary>
    /// Every address the page loaded or references (resource timing entries, and src/href of scripts, styles, images,
    /// frames and links in the document) that is not on the console's own origin.
    /// </summary>
    public IReadOnlyList<string> ForeignAddresses()
    {
        var addresses = (ReadOnlyCollection<object>)_driver.ExecuteScript("""
            return [
              ...performance.getEntriesByType('resource').map(e => e.name),
              ...[...document.querySelectorAll('script[src], link[href], img[src], iframe[src], source[src], video[src], audio[src]')]
                .map(e => e.src || e.href),
            ];
            """)!;
        var origin = _baseAddress.GetLeftPart(UriPartial.Authority);
        return addresses.Cast<string>().Where(a => !a.StartsWith(origin + "/", StringComparison.Ordinal) && !a.StartsWith("blob:" + origin, StringComparison.Ordinal)
            && !a.StartsWith("data:", StringComparison.Ordinal)).ToArray();
    }

    public void Dispose()
    {
        _driver.Quit();
        _driver.Dispose();
        _profile.Dispose();
    }
}
