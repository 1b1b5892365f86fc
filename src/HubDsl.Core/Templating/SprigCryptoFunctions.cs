using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HubDsl.Core.Templating;

/// <summary>
/// Sprig v3.3.0's deterministic crypto functions (crypto.go): sha512sum, decryptAES (AES-256-CBC, key zero-padded,
/// IV first, padding stripped without checks) and derivePassword (the Master Password algorithm over scrypt).
/// Go panics become the runtime error texts Go prints.
/// </summary>
internal static class SprigCryptoFunctions
{
    private const ParamType S = ParamType.String;

    /// <summary>
    /// derivePassword's scrypt (N=32768, r=8, p=2) reads and writes 32 MiB: it is charged as this many template steps,
    /// about its cost relative to the rest of the engine, so a loop of them meets the work budget.
    /// </summary>
    internal const long DerivePasswordSteps = 500_000;

    public static void Register(Dictionary<string, GoFunction> m)
    {
        m["sha512sum"] = new GoFunction(new[] { S }, null, c => GoValue.Of(Hex(Sha512(Encoding.UTF8.GetBytes(c.Str(0))))));
        m["decryptAES"] = new GoFunction(new[] { S, S }, null, c => GoValue.Of(DecryptAes(c.Str(0), c.Str(1))));
        m["derivePassword"] = new GoFunction(new[] { ParamType.Uint32, S, S, S, S }, null, c =>
        {
            WorkBudget.SpendOnCurrent(DerivePasswordSteps);
            return GoValue.Of(DerivePassword((uint)c[0]!, c.Str(1), c.Str(2), c.Str(3), c.Str(4)));
        });
    }

    private static byte[] Sha512(byte[] data)
    {
        using var sha = SHA512.Create();
        return sha.ComputeHash(data);
    }

    private static string Hex(byte[] bytes)
    {
        var sb = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes) sb.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    public static string DecryptAes(string password, string crypt64)
    {
        if (crypt64.Length == 0) return string.Empty;
        var key = new byte[32];
        var pass = Encoding.UTF8.GetBytes(password);
        System.Array.Copy(pass, key, System.Math.Min(pass.Length, 32));
        var crypt = GoBase64.Decode(crypt64);
        if (crypt.Length < 16) throw new FunctionException("runtime error: slice bounds out of range [:16] with capacity " + crypt.Length.ToString(CultureInfo.InvariantCulture));
        var body = crypt.Length - 16;
        if (body % 16 != 0) throw new FunctionException("crypto/cipher: input not full blocks");
        if (body == 0) throw new FunctionException("runtime error: index out of range [-1]");
        byte[] decrypted;
        using (var aes = Aes.Create())
        {
            aes.Key = key;
            aes.Mode = CipherMode.CBC;
            aes.Padding = PaddingMode.None;
            var iv = new byte[16];
            System.Array.Copy(crypt, iv, 16);
            aes.IV = iv;
            using var decryptor = aes.CreateDecryptor();
            decrypted = decryptor.TransformFinalBlock(crypt, 16, body);
        }

        var keep = decrypted.Length - decrypted[decrypted.Length - 1];
        if (keep < 0) throw new FunctionException("runtime error: slice bounds out of range [:" + keep.ToString(CultureInfo.InvariantCulture) + "]");
        return GoRunes.FromUtf8(decrypted, 0, keep);
    }

    private static readonly Dictionary<string, string[]> PasswordTemplates = new(System.StringComparer.Ordinal)
    {
        ["maximum"] = new[] { "anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno" },
        ["long"] = new[]
        {
            "CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv", "CvccCvcvnoCvcv", "CvccCvcvCvcvno", "CvcvnoCvccCvcv",
            "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc", "CvcvCvcvnoCvcc", "CvcvCvcvCvccno", "CvccnoCvccCvcv", "CvccCvccnoCvcv",
            "CvccCvccCvcvno", "CvcvnoCvccCvcc", "CvcvCvccnoCvcc", "CvcvCvccCvccno", "CvccnoCvcvCvcc", "CvccCvcvnoCvcc", "CvccCvcvCvccno",
        },
        ["medium"] = new[] { "CvcnoCvc", "CvcCvcno" },
        ["short"] = new[] { "Cvcn" },
        ["basic"] = new[] { "aaanaaan", "aannaaan", "aaannaaa" },
        ["pin"] = new[] { "nnnn" },
    };

    private static readonly Dictionary<char, string> TemplateCharacters = new()
    {
        ['V'] = "AEIOU",
        ['C'] = "BCDFGHJKLMNPQRSTVWXYZ",
        ['v'] = "aeiou",
        ['c'] = "bcdfghjklmnpqrstvwxyz",
        ['A'] = "AEIOUBCDFGHJKLMNPQRSTVWXYZ",
        ['a'] = "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz",
        ['n'] = "0123456789",
        ['o'] = "@&%?,=[]_:-+*$#!'^~;()/.",
        ['x'] = "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()",
    };

    private const string MasterPasswordSeed = "com.lyndir.masterpassword";

    // The Master Password algorithm (crypto.go derivePassword): an unknown type is a message, not an error.
    public static string DerivePassword(uint counter, string passwordType, string password, string user, string site)
    {
        if (!PasswordTemplates.TryGetValue(passwordType, out var templates)) return "cannot find password template " + passwordType;
        var userBytes = Encoding.UTF8.GetBytes(user);
        var salt = Concat(Encoding.UTF8.GetBytes(MasterPasswordSeed), BigEndian((uint)userBytes.Length), userBytes);
        var key = Scrypt.Key(Encoding.UTF8.GetBytes(password), salt, 32768, 8, 2, 64);
        var siteBytes = Encoding.UTF8.GetBytes(site);
        var message = Concat(Encoding.UTF8.GetBytes(MasterPasswordSeed), BigEndian((uint)siteBytes.Length), siteBytes, BigEndian(counter));
        byte[] seed;
        using (var hmac = new HMACSHA256(key)) seed = hmac.ComputeHash(message);
        var template = templates[seed[0] % templates.Length];
        var result = new StringBuilder(template.Length);
        for (var i = 0; i < template.Length; i++)
        {
            var chars = TemplateCharacters[template[i]];
            result.Append(chars[seed[i + 1] % chars.Length]);
        }

        return result.ToString();
    }

    private static byte[] BigEndian(uint value) => new[] { (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value };

    private static byte[] Concat(params byte[][] parts)
    {
        var length = 0;
        foreach (var p in parts) length += p.Length;
        var result = new byte[length];
        var offset = 0;
        foreach (var p in parts)
        {
            System.Buffer.BlockCopy(p, 0, result, offset, p.Length);
            offset += p.Length;
        }

        return result;
    }
}
