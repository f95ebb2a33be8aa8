using System.Security.Cryptography;
using System.Text;

namespace FollowerLoop.Sandbox.Web.Sessions;

internal static class Secrets
{
    /// <summary>Compares a typed password or code in constant time, so timing tells nothing about how much was right.</summary>
    public static bool Match(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
