namespace NucleusCloud.Web;

/// <summary>Marker for the shell's strings in <c>Resources/SharedResource.{culture}.resx</c> (English, French, Spanish).</summary>
public sealed class SharedResource;
