using FollowerLoop.Content;

namespace FollowerLoop.Tests.Content;

public sealed class ContentFeaturesTests
{
    [Fact]
    public void Of_MeasuresLinesNumbersQuestionsEmojiHashtagsAndLinks()
    {
        var features = ContentFeatures.Of("3 things about #AI agents 🚀\n\nWhich one surprised you? https://example.com/post");

        Assert.Equal(3, features.Lines);
        Assert.True(features.HasNumber);
        Assert.True(features.HasQuestion);
        Assert.Equal(1, features.EmojiCount);
        Assert.Equal(1, features.Hashtags);
        Assert.Equal(1, features.Links);
    }

    [Fact]
    public void Of_WeighsLikeXcom_UrlAs23AndEmojiAs2()
    {
        const string text = "Read this 🚀 https://example.com/a/very/long/path/that/is/much/longer/than/twenty-three";

        // "Read this " (10) + emoji (2) + " " (1) + URL (23)
        Assert.Equal(36, ContentFeatures.Of(text).WeightedLength);
    }

    [Fact]
    public void Of_PlainSentence_HasNoneOfTheMarkers()
    {
        var features = ContentFeatures.Of("Write things down.");

        Assert.Equal((1, false, false, 0, 0, 0), (features.Lines, features.HasNumber, features.HasQuestion, features.EmojiCount, features.Hashtags, features.Links));
    }

    [Fact]
    public async Task TemplateGenerator_LabelsEveryCandidateWithKnownLabels_AndItsTextsFeatures()
    {
        var candidates = await new TemplateGenerator(new Random(7)).GeneratePostsAsync(200, FormatMix.Even, TestContext.Current.CancellationToken);

        Assert.Equal(200, candidates.Count);
        Assert.All(candidates, c =>
        {
            Assert.Contains(c.Format, ContentLabels.PostFormats);
            Assert.Contains(c.Topic, ContentLabels.Topics);
            Assert.Contains(c.Hook, ContentLabels.Hooks);
            Assert.Equal(ContentFeatures.Of(c.Text), c.Features);
            Assert.True(FollowerLoop.X.TweetLength.Check(c.Text).IsAcceptable, c.Text);
        });
        Assert.Equal(ContentLabels.PostFormats.Count, candidates.Select(c => c.Format).Distinct().Count());
    }

    [Fact]
    public async Task TemplateGenerator_SameSeed_SameCandidates()
    {
        var first = await new TemplateGenerator(new Random(3)).GeneratePostsAsync(12, FormatMix.Even, TestContext.Current.CancellationToken);
        var second = await new TemplateGenerator(new Random(3)).GeneratePostsAsync(12, FormatMix.Even, TestContext.Current.CancellationToken);

        Assert.Equal(first.Select(c => c.Text), second.Select(c => c.Text));
    }

    [Theory]
    [InlineData("{}", 0.08, 0.22)]
    [InlineData("{\"list\": 1, \"story\": -2}", 0.52, 0.62)]
    [InlineData("{\"list\": 0.9, \"story\": 0.1, \"thread\": 5}", 0.16, 0.26)]
    public async Task TemplateGenerator_FollowsTheStrategysMix_ForHalfTheCandidates(string mix, double minLists, double maxLists)
    {
        var shares = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, double>>(mix);

        var candidates = await new TemplateGenerator(new Random(5)).GeneratePostsAsync(1000, FormatMix.From(shares), TestContext.Current.CancellationToken);

        // Half follow the mix, half are even (1/7 each). Threads are not a post format: their 5 of the 6 in
        // the mix are drawn evenly too, so lists get 0.5 × 0.9/6 from the mix plus a seventh of the rest (0.21).
        Assert.InRange(candidates.Count(c => c.Format == "list") / 1000.0, minLists, maxLists);
        Assert.Equal(ContentLabels.PostFormats.Count, candidates.Select(c => c.Format).Distinct().Count());
    }
}
