namespace Sweep.Trials.Specs;

/// <summary>How a field written for settings that do not read it is refused, so that a spec never trains on
/// something other than what it says.</summary>
public static class UnreadFields
{
    /// <param name="setting">The dotted path of the setting that decides whether the field is read.</param>
    /// <param name="readers">The setting's values that read the field.</param>
    /// <param name="found">The setting's value in the spec.</param>
    public static string Problem(string setting, IEnumerable<string> readers, string found) =>
        $"expected {setting} {string.Join(" or ", readers)} to go with it, found {setting.Split('.')[^1]} {found}, "
        + "which does not use it";
}
