namespace FollowerLoop.Sandbox.Web.Html;

/// <summary>How a page renders its posts.</summary>
/// <param name="Labels">The words around counts, in the interface's language; null leaves the counts out (the <c>missing</c> fault).</param>
/// <param name="RichText">Post text as x.com renders it: emoji as images, links as t.co anchors (the <c>emoji</c> fault).</param>
internal sealed record PageStyle(CountLabels? Labels, bool RichText);
