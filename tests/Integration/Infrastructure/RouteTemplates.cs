using System.Text.RegularExpressions;

namespace NucleusCloud.Tests.Integration.Infrastructure;

/// <summary>The parts of the Host's route templates the generated tests fill in.</summary>
public static partial class RouteTemplates
{
    /// <summary>A route parameter, <c>{name}</c> or <c>{name:constraint}</c>, optional or not.</summary>
    [GeneratedRegex(@"\{(?<name>[a-zA-Z]+)(:(?<constraint>[a-z]+))?\??\}")]
    public static partial Regex Parameter();
}
