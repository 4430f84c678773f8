namespace CellularIot.Cloud.Onboarding
{
    using System;
    using CellularIot.Text;

    /// <summary>
    /// Compares the root CA the onboarding answer names with the one the firmware ships
    /// (certs/AmazonRootCA1.pem). It only reads the URL's file name and never downloads anything: a
    /// certificate fetched over the same network it is meant to protect would prove nothing.
    /// </summary>
    public static class RootCaCheck
    {
        /// <summary>The file name of the root the firmware ships.</summary>
        public const string ShippedFileName = "AmazonRootCA1.pem";

        /// <summary>Checks <paramref name="amazonRootCaUrl"/> against <see cref="ShippedFileName"/>.</summary>
        public static RootCaCheckResult Check(string amazonRootCaUrl)
        {
            if (amazonRootCaUrl == null)
            {
                throw new ArgumentNullException(nameof(amazonRootCaUrl));
            }

            string name = FileNameOf(amazonRootCaUrl);
            if (AsciiText.EqualsIgnoreCase(name, ShippedFileName))
            {
                return new RootCaCheckResult(true, name, null);
            }

            string warning = "amazonRootCaUrl names \"" + name + "\" but the firmware ships only " + ShippedFileName
                + "; nothing is downloaded, so TLS to the IoT Core endpoint fails if it does not chain to Amazon Root CA 1";
            return new RootCaCheckResult(false, name, warning);
        }

        // The last path segment, without query or fragment.
        private static string FileNameOf(string url)
        {
            int end = url.Length;
            int query = url.IndexOf('?');
            if (query >= 0)
            {
                end = query;
            }

            int fragment = url.IndexOf('#');
            if (fragment >= 0 && fragment < end)
            {
                end = fragment;
            }

            string path = url.Substring(0, end);
            int slash = path.LastIndexOf('/');
            return slash < 0 ? path : path.Substring(slash + 1);
        }
    }
}
