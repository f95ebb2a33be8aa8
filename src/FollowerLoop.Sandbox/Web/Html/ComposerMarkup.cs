namespace FollowerLoop.Sandbox.Web.Html;

/// <summary>
/// x.com's Draft.js composer: <c>div[data-testid="tweetTextarea_0"][role="textbox"][contenteditable]</c> and a Post
/// button that stays disabled (<c>aria-disabled="true"</c>) until text is typed; main.js does the rest.
/// </summary>
internal static class ComposerMarkup
{
    /// <param name="buttonTestId"><c>tweetButtonInline</c> on pages, <c>tweetButton</c> in the compose dialog.</param>
    /// <param name="buttonText">"Post" or "Reply".</param>
    /// <param name="inReplyToId">The post a reply answers; null for a new post.</param>
    public static string Render(string placeholder, string buttonTestId, string buttonText, string? inReplyToId)
    {
        var replyAttribute = inReplyToId is null ? string.Empty : $""" data-in-reply-to="{HtmlText.Encode(inReplyToId)}" """;
        return $$"""
            <div class="composer" data-sandbox-composer=""{{replyAttribute}}><div class="DraftEditor-root">
            <div class="public-DraftEditorPlaceholder-root"><div class="public-DraftEditorPlaceholder-inner" id="placeholder-composer">{{HtmlText.Encode(placeholder)}}</div></div>
            <div class="DraftEditor-editorContainer"><div aria-describedby="placeholder-composer" aria-label="Post text" aria-multiline="true" class="notranslate public-DraftEditor-content" contenteditable="true" data-testid="tweetTextarea_0" role="textbox" spellcheck="true" tabindex="0" style="outline: none; user-select: text; white-space: pre-wrap; overflow-wrap: break-word;"></div></div>
            </div><div class="composer-toolbar"><div class="counter" data-sandbox-counter="" aria-hidden="true"></div><button role="button" data-testid="{{buttonTestId}}" type="button" disabled="" aria-disabled="true" tabindex="-1"><div dir="ltr"><span><span>{{HtmlText.Encode(buttonText)}}</span></span></div></button></div></div>
            """;
    }
}
