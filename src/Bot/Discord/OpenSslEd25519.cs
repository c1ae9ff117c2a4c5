using System.Runtime.InteropServices;

[assembly: DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]

namespace Kuril.Bot.Discord;

/// <summary>
/// Ed25519 through OpenSSL's libcrypto (.NET has no Ed25519 API; every .NET Linux image ships libssl3). Every
/// handle is freed and OpenSSL's per-thread error queue cleared, so a failed verification leaves nothing behind.
/// </summary>
internal static partial class OpenSslEd25519
{
    public const int KeyLength = 32;
    public const int SignatureLength = 64;
    private const string Library = "libcrypto.so.3";
    private const int EvpPkeyEd25519 = 1087; // NID_ED25519

    /// <summary>A public key ready for verification; free it with <see cref="FreeKey"/>.</summary>
    public static IntPtr CreatePublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != KeyLength) throw new ArgumentException($"An Ed25519 public key is {KeyLength} bytes.", nameof(publicKey));
        var key = EVP_PKEY_new_raw_public_key(EvpPkeyEd25519, IntPtr.Zero, publicKey, (nuint)publicKey.Length);
        if (key == IntPtr.Zero)
        {
            ERR_clear_error();
            throw new ArgumentException("OpenSSL rejected the Ed25519 public key.", nameof(publicKey));
        }

        return key;
    }

    public static void FreeKey(IntPtr key)
    {
        if (key != IntPtr.Zero) EVP_PKEY_free(key);
    }

    /// <summary>Whether <paramref name="signature"/> is the key's signature of <paramref name="message"/>.</summary>
    public static bool Verify(IntPtr publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureLength) return false;
        var context = EVP_MD_CTX_new();
        if (context == IntPtr.Zero) throw new InvalidOperationException("OpenSSL could not allocate a digest context.");
        try
        {
            return EVP_DigestVerifyInit(context, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, publicKey) == 1
                && EVP_DigestVerify(context, signature, (nuint)signature.Length, message, (nuint)message.Length) == 1;
        }
        finally
        {
            EVP_MD_CTX_free(context);
            ERR_clear_error(); // a failed verification queues an error on this thread
        }
    }

    /// <summary>Signs a message with a 32-byte private key (for tests and the benchmark's load generator).</summary>
    public static byte[] Sign(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> message)
    {
        var key = EVP_PKEY_new_raw_private_key(EvpPkeyEd25519, IntPtr.Zero, privateKey, (nuint)privateKey.Length);
        if (key == IntPtr.Zero)
        {
            ERR_clear_error();
            throw new ArgumentException("OpenSSL rejected the Ed25519 private key.", nameof(privateKey));
        }

        var context = EVP_MD_CTX_new();
        try
        {
            var signature = new byte[SignatureLength];
            var length = (nuint)signature.Length;
            if (EVP_DigestSignInit(context, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, key) != 1
                || EVP_DigestSign(context, signature, ref length, message, (nuint)message.Length) != 1)
            {
                throw new InvalidOperationException("OpenSSL could not sign.");
            }

            return signature;
        }
        finally
        {
            EVP_MD_CTX_free(context);
            EVP_PKEY_free(key);
            ERR_clear_error();
        }
    }

    /// <summary>The public key of a 32-byte private key.</summary>
    public static byte[] PublicKeyOf(ReadOnlySpan<byte> privateKey)
    {
        var key = EVP_PKEY_new_raw_private_key(EvpPkeyEd25519, IntPtr.Zero, privateKey, (nuint)privateKey.Length);
        if (key == IntPtr.Zero)
        {
            ERR_clear_error();
            throw new ArgumentException("OpenSSL rejected the Ed25519 private key.", nameof(privateKey));
        }

        try
        {
            var publicKey = new byte[KeyLength];
            var length = (nuint)publicKey.Length;
            if (EVP_PKEY_get_raw_public_key(key, publicKey, ref length) != 1) throw new InvalidOperationException("OpenSSL could not derive the public key.");
            return publicKey;
        }
        finally
        {
            EVP_PKEY_free(key);
            ERR_clear_error();
        }
    }

    [LibraryImport(Library)]
    private static partial IntPtr EVP_PKEY_new_raw_public_key(int type, IntPtr engine, ReadOnlySpan<byte> key, nuint keyLength);

    [LibraryImport(Library)]
    private static partial IntPtr EVP_PKEY_new_raw_private_key(int type, IntPtr engine, ReadOnlySpan<byte> key, nuint keyLength);

    [LibraryImport(Library)]
    private static partial int EVP_PKEY_get_raw_public_key(IntPtr key, Span<byte> publicKey, ref nuint length);

    [LibraryImport(Library)]
    private static partial void EVP_PKEY_free(IntPtr key);

    [LibraryImport(Library)]
    private static partial IntPtr EVP_MD_CTX_new();

    [LibraryImport(Library)]
    private static partial void EVP_MD_CTX_free(IntPtr context);

    [LibraryImport(Library)]
    private static partial int EVP_DigestVerifyInit(IntPtr context, IntPtr keyContext, IntPtr digest, IntPtr engine, IntPtr key);

    [LibraryImport(Library)]
    private static partial int EVP_DigestVerify(IntPtr context, ReadOnlySpan<byte> signature, nuint signatureLength, ReadOnlySpan<byte> message, nuint messageLength);

    [LibraryImport(Library)]
    private static partial int EVP_DigestSignInit(IntPtr context, IntPtr keyContext, IntPtr digest, IntPtr engine, IntPtr key);

    [LibraryImport(Library)]
    private static partial int EVP_DigestSign(IntPtr context, Span<byte> signature, ref nuint signatureLength, ReadOnlySpan<byte> message, nuint messageLength);

    [LibraryImport(Library)]
    private static partial void ERR_clear_error();
}
