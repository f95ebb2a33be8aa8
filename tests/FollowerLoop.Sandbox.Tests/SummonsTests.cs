using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Tests;

public sealed class SummonsTests
{
    [Fact]
    public void Summons_AreDeterministicAndDatedUpToNow()
    {
        var (first, firstClock) = WorldFactory.Create(seed: 4);
        var (second, secondClock) = WorldFactory.Create(seed: 4);
        WorldFactory.PostAll(first, firstClock);
        WorldFactory.PostAll(second, secondClock);
        firstClock.Advance(TimeSpan.FromDays(3));
        secondClock.Advance(TimeSpan.FromDays(3));

        var summons = first.GetSummons(first.Clock.GetUtcNow());

        Assert.Equal(summons, second.GetSummons(second.Clock.GetUtcNow()));
        Assert.All(summons, post => Assert.InRange(post.PostedAt, WorldFactory.Epoch, first.Clock.GetUtcNow()));
        Assert.Equal(summons.OrderByDescending(post => long.Parse(post.Id, System.Globalization.CultureInfo.InvariantCulture)), summons);
        Assert.Contains(summons, post => post.Kind == SummonKind.Reply);
        var mentions = summons.Where(post => post.Kind == SummonKind.Mention).ToList();
        Assert.InRange(mentions.Count, 3, 40);
        Assert.All(mentions, mention => Assert.Contains($"@{first.Account.Handle}", mention.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Summons_DoNotChangeAnyPostsOutcome()
    {
        var (first, firstClock) = WorldFactory.Create();
        var (second, secondClock) = WorldFactory.Create();

        var a = WorldFactory.PostAll(first, firstClock);
        var b = new List<SandboxPost>();
        foreach (var text in WorldFactory.Texts)
        {
            secondClock.Advance(TimeSpan.FromHours(2));
            second.GetSummons(second.Clock.GetUtcNow());
            b.Add(second.Publish(text));
        }

        Assert.Equal(a.Select(post => post.Outcome), b.Select(post => post.Outcome));
    }

    [Fact]
    public void Mentions_IncludeAPromptInjectionAndAStopRequest()
    {
        var (world, clock) = WorldFactory.Create();
        clock.Advance(TimeSpan.FromDays(30));

        var texts = world.GetSummons(clock.GetUtcNow()).Where(post => post.Kind == SummonKind.Mention).Select(post => post.Text).ToList();

        Assert.Contains(MentionFeed.PromptInjection.Replace("{handle}", world.Account.Handle, StringComparison.Ordinal), texts);
        Assert.Contains(MentionFeed.StopRequest.Replace("{handle}", world.Account.Handle, StringComparison.Ordinal), texts);
        Assert.True(texts.Count(text => text.Contains("Ignore your previous", StringComparison.Ordinal) || text.EndsWith("stop replying to me", StringComparison.Ordinal)) * 4 < texts.Count);
    }

    [Fact]
    public void Quotes_ComeInProportionToRepostsAndQuoteTheirPost()
    {
        var (world, clock) = WorldFactory.Create(seed: 7);
        var posts = WorldFactory.PostAll(world, clock, rounds: 3);
        clock.Advance(TimeSpan.FromHours(48));

        var quotes = world.GetSummons(clock.GetUtcNow()).Where(post => post.Kind == SummonKind.Quote).ToList();

        Assert.NotEmpty(quotes);
        Assert.InRange(quotes.Count, 1, posts.Sum(post => post.Outcome.Totals.Reposts));
        Assert.All(quotes, quote => Assert.True(world.FindPost(quote.TargetId!)!.PostedAt < quote.PostedAt));
        Assert.Equal(quotes.Count, posts.Sum(post => world.GetQuoteCount(post, clock.GetUtcNow())));
        Assert.Equal(quotes[0], world.FindSummons(quotes[0].Id));
    }

    [Fact]
    public void FanReply_IsFoundByIdAndTheAccountCanReplyToIt()
    {
        var (world, clock) = WorldFactory.Create();
        var post = world.Publish("What is the one habit that changed your career?");
        clock.Advance(TimeSpan.FromHours(48));
        var fanReply = world.GetFanReplies(post, clock.GetUtcNow(), 1)[0];

        Assert.Equal(fanReply, world.FindSummons(fanReply.Id));
        Assert.Equal(SummonKind.Reply, fanReply.Kind);
        Assert.Equal(post.Id, fanReply.TargetId);
        Assert.Null(world.Check("Thanks, glad it helped!", fanReply.Id));
        var reply = world.Publish("Thanks, glad it helped!", fanReply.Id);
        Assert.Equal(fanReply.Id, reply.InReplyToId);
    }

    [Fact]
    public void ReplyToAFanReplyNotYetMade_IsRefused()
    {
        var (world, clock) = WorldFactory.Create();
        var post = world.Publish("What is the one habit that changed your career?");
        clock.Advance(TimeSpan.FromHours(48));
        var last = world.GetFanReplies(post, clock.GetUtcNow(), int.MaxValue)[^1];
        var (early, _) = WorldFactory.Create();
        early.Publish("What is the one habit that changed your career?");

        Assert.Equal(PostRejection.ParentNotFound, early.Check("Thanks!", last.Id));
    }

    [Fact]
    public void Summon_PlantsEachKindNow()
    {
        var (world, clock) = WorldFactory.Create();
        var post = world.Publish("Ship small, ship often.");
        clock.Advance(TimeSpan.FromMinutes(5));

        var mention = world.Summon(SummonKind.Mention, "@planted_pat", "what do you think?");
        var reply = world.Summon(SummonKind.Reply, "planted_pat", "Agreed!", post.Id);
        var quote = world.Summon(SummonKind.Quote, "maya_builds", "Worth reading.", post.Id);

        Assert.Equal($"@{world.Account.Handle} what do you think?", mention.Text);
        Assert.Equal(("planted_pat", "planted_pat", (string?)null), (mention.Handle, mention.DisplayName, mention.TargetId));
        Assert.Equal((SummonKind.Reply, post.Id), (reply.Kind, reply.TargetId));
        Assert.Equal(("Maya", post.Id), (quote.DisplayName, quote.TargetId));
        Assert.All(new[] { mention, reply, quote }, planted => Assert.Equal(clock.GetUtcNow(), planted.PostedAt));
        Assert.Equal(reply, world.FindSummons(reply.Id));
        Assert.Contains(quote, world.GetSummons(clock.GetUtcNow()));
    }

    [Fact]
    public void Summon_WithoutATargetOrWithTheAccountsOwnHandle_IsRefused()
    {
        var (world, _) = WorldFactory.Create();

        Assert.Throws<ArgumentException>(() => world.Summon(SummonKind.Reply, "planted_pat", "Agreed!", "123"));
        Assert.Throws<ArgumentException>(() => world.Summon(SummonKind.Mention, world.Account.Handle, "me"));
        Assert.Throws<ArgumentException>(() => world.Summon(SummonKind.Mention, "planted_pat", new string('a', 300)));
    }
}
