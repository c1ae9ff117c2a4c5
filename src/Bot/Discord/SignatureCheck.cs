namespace Kuril.Bot.Discord;

/// <summary>The outcome of checking a request's signature headers.</summary>
public enum SignatureCheck
{
    /// <summary>Signed by the application's key, recently.</summary>
    Valid,

    /// <summary>A signature header is missing or malformed.</summary>
    MalformedHeaders,

    /// <summary>The timestamp is too old or in the future.</summary>
    StaleTimestamp,

    /// <summary>The signature does not match the key and the bytes.</summary>
    BadSignature,
}
