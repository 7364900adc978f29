using JasperFx.CommandLine;
using Marten;

namespace Cases.Api.Audit;

public class ContractCheckInput : NetCoreInput
{
    [Description("Only this organisation; every organisation if not given")]
    public string? OrgFlag { get; set; }
}

[Description("Lists every stored event with a value outside the API's contract, and the event that corrected it if any", Name = "contract-check")]
public class ContractCheckCommand : JasperFxAsyncCommand<ContractCheckInput>
{
    /// <summary>Tab-separated, one line per value, so that it reads as a table and pipes into other tools; exit code 1 while one is uncorrected.</summary>
    public override async Task<bool> Execute(ContractCheckInput input)
    {
        using var host = input.BuildHost();
        var check = new ContractCheck(host.Services.GetRequiredService<IDocumentStore>());
        Console.WriteLine("sequence\torganisation\tstream\tevent type\tfield\tstored value\tcorrected by");
        int found = 0, open = 0;
        await foreach (var value in check.FindAsync(input.OrgFlag, CancellationToken.None))
        {
            found++;
            if (value.CorrectedBy is null) open++;
            Console.WriteLine(string.Join('\t', value.Sequence, value.Organisation, value.StreamId, value.EventType, value.Field, value.StoredValue,
                value.CorrectedBy?.ToString() ?? "-"));
        }
        Console.WriteLine($"{found} stored value(s) outside the contract, {open} not corrected.");
        return open == 0;
    }
}
