namespace CloudReel.Azure.Sas;

/// <summary>
/// A key from Get User Delegation Key: signs user delegation SAS links for as long as it is valid.
/// <see cref="Value"/> is a secret and is never printed.
/// </summary>
public sealed record UserDelegationKey(
    string SignedObjectId,
    string SignedTenantId,
    DateTimeOffset SignedStart,
    DateTimeOffset SignedExpiry,
    string SignedService,
    string SignedVersion,
    string Value)
{
    public override string ToString() => $"user delegation key of {SignedObjectId} until {SasTime.Format(SignedExpiry)}";
}
