using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using CxBridge.Data.Tests.Infrastructure;
using CxBridge.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CxBridge.Web.Tests.Pages;

/// <summary>
/// Two instances of the web tier on one database behave as one (docs/architecture.md, scale-out): they share the
/// data-protection key ring kept in the database, so what one protects — a prerendered page's circuit descriptor, which a
/// browser may take to the other instance to start its circuit — the other can read. An instance on another database cannot.
/// </summary>
public sealed class ScaleOutTests(CxBridgeAppFactory app) : IClassFixture<CxBridgeAppFactory>, IAsyncLifetime
{
    /// <summary>Another instance of the app on a database of its choosing (its own process state; the uploads as a shared volume).</summary>
    private sealed class Instance(string connectionString, string uploads) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:CxBridge", connectionString);
            builder.UseSetting("CxBridge:DemoData:LoadWhenEmpty", "false");
            builder.UseSetting("CxBridge:Uploads:Path", uploads);
        }
    }

    /// <summary>What Blazor protects a server component's descriptor with (ServerComponentSerializationSettings in ASP.NET Core).</summary>
    private const string DescriptorPurpose = "Microsoft.AspNetCore.Components.ComponentDescriptorSerializer,V1";

    private readonly string _uploads = Directory.CreateTempSubdirectory("cxbridge-second-").FullName;
    private Instance _second = null!;

    public Task InitializeAsync()
    {
        _second = new Instance(app.Database.ConnectionString, _uploads);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        Directory.Delete(_uploads, recursive: true);
    }

    private static IDataProtector Protector(WebApplicationFactory<Program> instance, string purpose = "CxBridge.ScaleOutTests") =>
        instance.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(purpose);

    [Fact]
    public async Task KeyRing_IsKeptInTheSharedDatabase()
    {
        Protector(app).Protect("anything");

        (await app.Database.CountAsync("SELECT count(*) FROM data_protection_keys")).Should().BeGreaterThan(0);
    }

    [Fact]
    public void DataProtection_WhatOneInstanceProtects_TheOtherReads()
    {
        var fromFirst = Protector(app).Protect("import #42");
        var fromSecond = Protector(_second).Protect("import #43");

        Protector(_second).Unprotect(fromFirst).Should().Be("import #42");
        Protector(app).Unprotect(fromSecond).Should().Be("import #43");
    }

    [Fact]
    public async Task DataProtection_InstanceOnAnotherDatabase_CannotRead()
    {
        var protectedText = Protector(app).Protect("import #42");
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        await using var stranger = new Instance(database.ConnectionString, _uploads);

        var read = () => Protector(stranger).Unprotect(protectedText);

        read.Should().Throw<CryptographicException>("its key ring is another one");
    }

    [Fact]
    public async Task PrerenderedPage_CircuitDescriptor_IsReadableByTheOtherInstance()
    {
        var html = await app.CreateClient().GetStringAsync("/definitions");
        var descriptors = Regex.Matches(html, "<!--Blazor:(\\{\"type\":\"server\".*?\\})-->")
            .Select(m => JsonDocument.Parse(m.Groups[1].Value).RootElement.GetProperty("descriptor").GetString()!).ToList();
        descriptors.Should().HaveCount(2, "the head outlet and the routes are interactive server components");
        var second = Protector(_second, DescriptorPurpose).ToTimeLimitedDataProtector();

        var components = descriptors.Select(d => JsonDocument.Parse(second.Unprotect(d)).RootElement.GetProperty("typeName").GetString());

        components.Should().Equal("Microsoft.AspNetCore.Components.Web.HeadOutlet", "CxBridge.Web.Components.Routes");
    }
}
