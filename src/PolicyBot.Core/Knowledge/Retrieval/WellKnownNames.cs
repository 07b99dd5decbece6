using System.Collections.Frozen;

namespace PolicyBot.Core.Knowledge.Retrieval;

/// <summary>
/// Proper names that chat types in lower case ("what does she think of biden's nk policy", "is russia helping nk"):
/// countries, world leaders and international bodies of foreign-policy talk. Case cannot tell these are names, so
/// without this list an article that never mentions them would count them as ordinary words it lacks instead of
/// names it does not cover. Names that chat uses more often as common English words ("chad", "jordan", "moon",
/// "turkey", "georgia") are left out.
/// </summary>
public static class WellKnownNames
{
    public static readonly FrozenSet<string> LowerCase = FrozenSet.ToFrozenSet(
    [
        // Countries and regions.
        "afghanistan", "albania", "algeria", "angola", "argentina", "armenia", "australia", "austria", "azerbaijan",
        "bahrain", "bangladesh", "belarus", "belgium", "bolivia", "bosnia", "brazil", "bulgaria", "burma", "cambodia",
        "cameroon", "canada", "chile", "china", "colombia", "croatia", "cuba", "cyprus", "czechia", "denmark", "ecuador",
        "egypt", "eritrea", "estonia", "ethiopia", "finland", "france", "germany", "ghana", "greece", "guatemala", "haiti",
        "honduras", "hungary", "iceland", "india", "indonesia", "iran", "iraq", "ireland", "israel", "italy", "japan",
        "kazakhstan", "kenya", "kosovo", "kuwait", "laos", "latvia", "lebanon", "libya", "lithuania", "malaysia", "mexico",
        "moldova", "mongolia", "morocco", "mozambique", "myanmar", "nepal", "netherlands", "nicaragua", "nigeria", "norway",
        "pakistan", "palestine", "panama", "peru", "philippines", "poland", "portugal", "qatar", "romania", "russia",
        "rwanda", "serbia", "singapore", "slovakia", "slovenia", "somalia", "spain", "sudan", "sweden", "switzerland",
        "syria", "taiwan", "tajikistan", "tanzania", "thailand", "tunisia", "turkmenistan", "uganda", "ukraine",
        "uruguay", "uzbekistan", "venezuela", "vietnam", "yemen", "zambia", "zimbabwe", "europe", "africa", "asia",
        "britain", "england", "scotland", "crimea", "gaza", "tibet", "hanoi", "beijing", "moscow", "tokyo",
        "tehran", "stockholm", "panmunjom", "dmz",

        // Leaders and officials of foreign-policy news.
        "biden", "obama", "bush", "clinton", "reagan", "carter", "nixon", "putin", "xi", "jinping", "abe", "bolton",
        "pompeo", "biegun", "pence", "ivanka", "netanyahu", "zelensky", "zelenskyy", "erdogan", "modi", "macron", "merkel",
        "trudeau", "khamenei", "rouhani", "assad", "maduro", "castro", "yoon", "lavrov", "blinken", "mattis", "tillerson",
        "kissinger", "mao", "stalin", "lenin", "churchill",

        // International bodies and agreements.
        "nato", "eu", "asean", "iaea", "opec", "wto", "imf", "npt", "jcpoa", "thaad",
    ]);

    /// <summary>
    /// True for a name of <see cref="LowerCase"/>, also as chat types its possessive without the apostrophe ("irans
    /// nuclear program", "bidens nk policy").
    /// </summary>
    public static bool Contains(string word) =>
        LowerCase.Contains(word) || (word.Length > 3 && word.EndsWith('s') && LowerCase.Contains(word[..^1]));
}
