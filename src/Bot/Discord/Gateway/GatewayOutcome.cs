namespace Kuril.Bot.Discord.Gateway;

/// <summary>What a shard does after a connection ends.</summary>
internal enum GatewayOutcome
{
    /// <summary>Reconnect and resume the session.</summary>
    Resume,

    /// <summary>Reconnect and identify afresh (the session cannot be resumed).</summary>
    Identify,

    /// <summary>Stop: Discord refused the configuration (bad token, shard or intents); retrying would loop.</summary>
    Stop,
}
