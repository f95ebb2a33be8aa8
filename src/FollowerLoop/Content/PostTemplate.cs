namespace FollowerLoop.Content;

/// <summary>One way to write a post of <see cref="Format"/> that opens with <see cref="Hook"/>.</summary>
internal sealed record PostTemplate(string Format, string Hook, Func<TemplateFill, string> Write);
