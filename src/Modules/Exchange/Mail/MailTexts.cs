namespace NucleusCloud.Modules.Exchange.Mail;

/// <summary>What exchange mails say, in the languages the pages are written in; chosen by the recipient's preference.</summary>
internal sealed record MailTexts(
    string SubjectOne,
    string SubjectMany,
    string SubjectDigest,
    string Greeting,
    string Mention,
    string MeetingChanged,
    string MeetingCancelled,
    string RequestAnswered,
    string RequestNotice,
    string Footer)
{
    private static readonly Dictionary<string, MailTexts> ByLanguage = new(StringComparer.Ordinal)
    {
        ["en"] = new(
            "News from {0}",
            "{0} updates from your exchange spaces",
            "Your daily exchange digest: {0} updates",
            "Hello {0},",
            "{0} ({1}) mentioned you in {2}:",
            "The meeting \"{0}\" in {1} was changed: it now starts {2}.",
            "The meeting \"{0}\" in {1} was cancelled.",
            "{0} answered your request \"{1}\" in {2}.",
            "{0} asks in {1}: \"{2}\". One of your published solutions may answer it.",
            "You receive these e-mails because you chose them in the exchange. Stop them with one click (no sign-in needed): {0}"),
        ["fr"] = new(
            "Du nouveau dans {0}",
            "{0} nouvelles de vos espaces d'échange",
            "Votre résumé quotidien des échanges : {0} nouvelles",
            "Bonjour {0},",
            "{0} ({1}) vous a mentionné dans {2} :",
            "La réunion « {0} » dans {1} a changé : elle commence désormais {2}.",
            "La réunion « {0} » dans {1} a été annulée.",
            "{0} a répondu à votre demande « {1} » dans {2}.",
            "{0} demande dans {1} : « {2} ». L'une de vos solutions publiées pourrait y répondre.",
            "Vous recevez ces courriels parce que vous les avez choisis dans l'espace d'échange. Arrêtez-les d'un clic (sans connexion) : {0}"),
        ["es"] = new(
            "Novedades en {0}",
            "{0} novedades de sus espacios de intercambio",
            "Su resumen diario de intercambios: {0} novedades",
            "Hola {0}:",
            "{0} ({1}) le mencionó en {2}:",
            "La reunión «{0}» en {1} cambió: ahora empieza {2}.",
            "La reunión «{0}» en {1} fue cancelada.",
            "{0} respondió a su solicitud «{1}» en {2}.",
            "{0} pregunta en {1}: «{2}». Una de sus soluciones publicadas podría responderla.",
            "Recibe estos correos porque los eligió en el intercambio. Deténgalos con un clic (sin iniciar sesión): {0}"),
    };

    public static MailTexts In(string language) => ByLanguage.GetValueOrDefault(language) ?? ByLanguage["en"];
}
