using Kuril.Knowledge.Tests.Support;

[assembly: AssemblyFixture(typeof(ShippedCorpusFixture))]
