using System.Data.Common;

namespace Kuril.Bot.Storage;

/// <summary>Commands written once for both providers.</summary>
internal static class DbCommandExtensions
{
    /// <summary>A command with its text, in a transaction when one is given.</summary>
    public static DbCommand CreateCommand(this DbConnection connection, string text, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // every caller passes a constant; values travel as parameters
        command.CommandText = text;
#pragma warning restore CA2100
        command.Transaction = transaction;
        return command;
    }

    /// <summary>Adds a parameter; <paramref name="name"/> carries its <c>@</c>, as the text does.</summary>
    public static DbCommand With(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return command;
    }
}
