using Kuril.Bot.Tests.Support;

// One PostgreSQL server for the whole test run.
[assembly: AssemblyFixture(typeof(PostgresServer))]
