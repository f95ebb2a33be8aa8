using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace FollowerLoop.Worker.Dashboard.Shared;

/// <summary>
/// Renders a page component to HTML on the server (static rendering: no Blazor circuit, no script).
/// A renderer per request, because an <see cref="HtmlRenderer"/> keeps every root component it rendered.
/// </summary>
internal sealed class PageRenderer(IServiceProvider services, ILoggerFactory loggerFactory)
{
    public async Task<IResult> RenderAsync<TPage>(object model)
        where TPage : IComponent
    {
        await using var renderer = new HtmlRenderer(services, loggerFactory);
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TPage>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Model"] = model }));
            return output.ToHtmlString();
        });
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
