using System;
using System.Security.Cryptography;

namespace HubDsl.Core.Templating;

/// <summary>
/// scrypt (RFC 7914), as golang.org/x/crypto/scrypt.Key computes it, for Sprig's derivePassword (N=32768, r=8, p=2,
/// 64 bytes: 32 MiB of working memory per call). netstandard2.0 has no scrypt, and PBKDF2 there has no SHA-256.
/// </summary>
internal static class Scrypt
{
    public static byte[] Key(byte[] password, byte[] salt, int n, int r, int p, int keyLength)
    {
        if (n <= 1 || (n & (n - 1)) != 0) throw new ArgumentException("scrypt: N must be > 1 and a power of 2");
        var blockSize = 128 * r;
        var b = Pbkdf2Sha256(password, salt, p * blockSize);
        var x = new uint[32 * r];
        var v = new uint[32 * r * n];
        var y = new uint[32 * r];
        for (var i = 0; i < p; i++)
        {
            RoMix(b, i * blockSize, r, n, x, v, y);
        }

        return Pbkdf2Sha256(password, b, keyLength);
    }

    // PBKDF2-HMAC-SHA256 with one iteration, which is all scrypt uses.
    private static byte[] Pbkdf2Sha256(byte[] password, byte[] salt, int length)
    {
        using var hmac = new HMACSHA256(password);
        var result = new byte[length];
        var block = new byte[salt.Length + 4];
        Buffer.BlockCopy(salt, 0, block, 0, salt.Length);
        var offset = 0;
        for (uint i = 1; offset < length; i++)
        {
            block[salt.Length] = (byte)(i >> 24);
            block[salt.Length + 1] = (byte)(i >> 16);
            block[salt.Length + 2] = (byte)(i >> 8);
            block[salt.Length + 3] = (byte)i;
            var u = hmac.ComputeHash(block);
            var take = Math.Min(u.Length, length - offset);
            Buffer.BlockCopy(u, 0, result, offset, take);
            offset += take;
        }

        return result;
    }

    private static void RoMix(byte[] b, int start, int r, int n, uint[] x, uint[] v, uint[] y)
    {
        var words = 32 * r;
        for (var k = 0; k < words; k++) x[k] = BitConverter.ToUInt32(b, start + (k * 4));
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("scrypt here assumes a little-endian machine");
        for (var i = 0; i < n; i++)
        {
            Array.Copy(x, 0, v, i * words, words);
            BlockMix(x, y, r);
        }

        for (var i = 0; i < n; i++)
        {
            var j = (int)(x[words - 16] & (uint)(n - 1));
            for (var k = 0; k < words; k++) x[k] ^= v[(j * words) + k];
            BlockMix(x, y, r);
        }

        for (var k = 0; k < words; k++)
        {
            var bytes = BitConverter.GetBytes(x[k]);
            Buffer.BlockCopy(bytes, 0, b, start + (k * 4), 4);
        }
    }

    private static void BlockMix(uint[] b, uint[] y, int r)
    {
        var t = new uint[16];
        Array.Copy(b, (2 * r - 1) * 16, t, 0, 16);
        for (var i = 0; i < 2 * r; i++)
        {
            for (var k = 0; k < 16; k++) t[k] ^= b[(i * 16) + k];
            Salsa208(t);
            // Even blocks go to the first half, odd ones to the second.
            Array.Copy(t, 0, y, ((i / 2) + ((i & 1) * r)) * 16, 16);
        }

        Array.Copy(y, b, 32 * r);
    }

    private static void Salsa208(uint[] b)
    {
        uint x0 = b[0], x1 = b[1], x2 = b[2], x3 = b[3], x4 = b[4], x5 = b[5], x6 = b[6], x7 = b[7];
        uint x8 = b[8], x9 = b[9], x10 = b[10], x11 = b[11], x12 = b[12], x13 = b[13], x14 = b[14], x15 = b[15];
        for (var i = 0; i < 8; i += 2)
        {
            x4 ^= R(x0 + x12, 7); x8 ^= R(x4 + x0, 9); x12 ^= R(x8 + x4, 13); x0 ^= R(x12 + x8, 18);
            x9 ^= R(x5 + x1, 7); x13 ^= R(x9 + x5, 9); x1 ^= R(x13 + x9, 13); x5 ^= R(x1 + x13, 18);
            x14 ^= R(x10 + x6, 7); x2 ^= R(x14 + x10, 9); x6 ^= R(x2 + x14, 13); x10 ^= R(x6 + x2, 18);
            x3 ^= R(x15 + x11, 7); x7 ^= R(x3 + x15, 9); x11 ^= R(x7 + x3, 13); x15 ^= R(x11 + x7, 18);
            x1 ^= R(x0 + x3, 7); x2 ^= R(x1 + x0, 9); x3 ^= R(x2 + x1, 13); x0 ^= R(x3 + x2, 18);
            x6 ^= R(x5 + x4, 7); x7 ^= R(x6 + x5, 9); x4 ^= R(x7 + x6, 13); x5 ^= R(x4 + x7, 18);
            x11 ^= R(x10 + x9, 7); x8 ^= R(x11 + x10, 9); x9 ^= R(x8 + x11, 13); x10 ^= R(x9 + x8, 18);
            x12 ^= R(x15 + x14, 7); x13 ^= R(x12 + x15, 9); x14 ^= R(x13 + x12, 13); x15 ^= R(x14 + x13, 18);
        }

        b[0] += x0; b[1] += x1; b[2] += x2; b[3] += x3; b[4] += x4; b[5] += x5; b[6] += x6; b[7] += x7;
        b[8] += x8; b[9] += x9; b[10] += x10; b[11] += x11; b[12] += x12; b[13] += x13; b[14] += x14; b[15] += x15;
    }

    private static uint R(uint a, int b) => (a << b) | (a >> (32 - b));
}
