namespace FollowerLoop.Sandbox.Web.RichText;

/// <summary>The titles x.com gives common emoji images (their Unicode names, capitalised); others get "Emoji".</summary>
internal static class EmojiNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["😂"] = "Face with tears of joy",
        ["🤣"] = "Rolling on the floor laughing",
        ["😀"] = "Grinning face",
        ["😊"] = "Smiling face with smiling eyes",
        ["😍"] = "Smiling face with heart-eyes",
        ["😅"] = "Grinning face with sweat",
        ["😉"] = "Winking face",
        ["🤔"] = "Thinking face",
        ["😭"] = "Loudly crying face",
        ["🙏"] = "Folded hands",
        ["👍"] = "Thumbs up",
        ["👀"] = "Eyes",
        ["👇"] = "Backhand index pointing down",
        ["👉"] = "Backhand index pointing right",
        ["💡"] = "Light bulb",
        ["💯"] = "Hundred points",
        ["🔥"] = "Fire",
        ["🚀"] = "Rocket",
        ["🎉"] = "Party popper",
        ["📈"] = "Chart increasing",
        ["📉"] = "Chart decreasing",
        ["🧵"] = "Thread",
        ["🤖"] = "Robot",
        ["🧠"] = "Brain",
        ["✅"] = "Check mark button",
        ["❌"] = "Cross mark",
        ["✨"] = "Sparkles",
        ["⚡"] = "High voltage",
        ["❤️"] = "Red heart",
        ["❤"] = "Red heart",
        ["⭐"] = "Star",
        ["☕"] = "Hot beverage",
        ["⚠️"] = "Warning",
        ["➡️"] = "Right arrow",
    };

    public static string Title(string emoji) => Names.GetValueOrDefault(emoji, "Emoji");
}
