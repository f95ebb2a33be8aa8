using FollowerLoop.Sandbox.Text;

namespace FollowerLoop.Sandbox.Tests;

public sealed class TextFeatureExtractorTests
{
    [Theory]
    [InlineData("🧵 Everything I learned about AI agents in 3 years:", PostFormat.Thread)]
    [InlineData("A thread on pricing your SaaS", PostFormat.Thread)]
    [InlineData("5 rules for fundraising:\n1. Start early\n2. Know your numbers\n3. Walk away", PostFormat.List)]
    [InlineData("Habits that stick:\n- Walk\n- Read\n- Sleep", PostFormat.List)]
    [InlineData("How to write a landing page that converts", PostFormat.HowTo)]
    [InlineData("Here’s how I plan my week", PostFormat.HowTo)]
    [InlineData("Unpopular opinion: standups are a waste of time", PostFormat.HotTake)]
    [InlineData("Agile is dead. Change my mind.", PostFormat.HotTake)]
    [InlineData("What is the best book you read this year?", PostFormat.Question)]
    [InlineData("73% of founders underprice their product.", PostFormat.Stat)]
    [InlineData("A new study of 2000 engineers says meetings cost 8 hours a week.", PostFormat.Stat)]
    [InlineData("I quit my job last year to build a product. Here is what happened next, in detail, with the numbers and the mistakes along the way.", PostFormat.Story)]
    [InlineData("Sleep is a skill.", PostFormat.OneLiner)]
    [InlineData("Some notes from today.\nNothing special, just thinking out loud about where the week is going and what to change next time around.", PostFormat.Statement)]
    public void Format_FollowsTheDocumentedRules(string text, PostFormat expected) =>
        Assert.Equal(expected, TextFeatureExtractor.Extract(text).Format);

    [Theory]
    [InlineData("Prompting LLMs is a skill", PostTopic.Ai)]
    [InlineData("#AI will not replace you", PostTopic.Ai)]
    [InlineData("Founders: talk to investors after you have MRR", PostTopic.Startups)]
    [InlineData("Deep work beats a long to do list", PostTopic.Productivity)]
    [InlineData("Your newsletter is your best marketing channel", PostTopic.Marketing)]
    [InlineData("Ask for the promotion before the interview cycle", PostTopic.Career)]
    [InlineData("Refactoring C# code with unit tests first", PostTopic.Coding)]
    [InlineData("Index funds and compound interest", PostTopic.Finance)]
    [InlineData("Sleep and exercise fix most stress", PostTopic.Health)]
    [InlineData("Good morning, world", PostTopic.Productivity)]
    [InlineData("Nice weather today", PostTopic.General)]
    public void Topic_IsTheTopicWithMostKeywords(string text, PostTopic expected) =>
        Assert.Equal(expected, TextFeatureExtractor.Extract(text).Topic);

    [Theory]
    [InlineData("7 tools I use daily", PostHook.Number)]
    [InlineData("Why do we still write estimates?\nA short story.", PostHook.Question)]
    [InlineData("Stop writing long emails.", PostHook.Contrarian)]
    [InlineData("Most people never ask for feedback.", PostHook.Contrarian)]
    [InlineData("You don't need another app.", PostHook.You)]
    [InlineData("Here's the secret to shipping on time.", PostHook.Curiosity)]
    [InlineData("I shipped my first app at 40.", PostHook.Story)]
    [InlineData("Shipping is a habit.", PostHook.Plain)]
    public void Hook_ReadsTheFirstLine(string text, PostHook expected) =>
        Assert.Equal(expected, TextFeatureExtractor.Extract(text).Hook);

    [Fact]
    public void Counts_EmojiHashtagsLinksNumbersAndQuestions()
    {
        var features = TextFeatureExtractor.Extract("Launch day 🚀🎉 for #buildinpublic #SaaS — try it at https://example.com/app?ref=x or example.io. Thoughts?");

        Assert.Equal(2, features.EmojiCount);
        Assert.Equal(2, features.HashtagCount);
        Assert.Equal(2, features.LinkCount);
        Assert.False(features.HasNumber);
        Assert.True(features.HasQuestion);
    }

    [Fact]
    public void Length_IsBucketedOnTheWeightedLength()
    {
        Assert.Equal(LengthBucket.Short, TextFeatureExtractor.Extract(new string('a', 80)).Length);
        Assert.Equal(LengthBucket.Medium, TextFeatureExtractor.Extract(new string('a', 81)).Length);
        Assert.Equal(LengthBucket.Long, TextFeatureExtractor.Extract(new string('a', 181)).Length);
    }
}
