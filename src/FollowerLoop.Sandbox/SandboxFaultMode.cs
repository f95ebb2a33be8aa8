namespace FollowerLoop.Sandbox;

/// <summary>A failure the sandbox can inject into a request, to test how a client copes.</summary>
public enum SandboxFaultMode
{
    /// <summary>No fault: the request is served normally.</summary>
    None,

    /// <summary>The response is delayed by <see cref="SandboxOptions.SlowMs"/> milliseconds of real time.</summary>
    Slow,

    /// <summary>Pages render without the action bar, the analytics link and the profile's count links.</summary>
    Missing,

    /// <summary>The session is treated as expired: pages redirect to the login flow, the API answers 401.</summary>
    LoginWall,

    /// <summary>HTTP 429 with a Retry-After header, like x.com's rate limiting.</summary>
    RateLimit,

    /// <summary>HTTP 500 with x.com's "Something went wrong. Try reloading." page.</summary>
    Error,

    /// <summary>Pages in a Spanish interface, as for an account set to Spanish: the counts' labels and number formats
    /// ("3 respuestas, 37 Me gusta", "12,3 mil Seguidores"); the GraphQL and API answers are unchanged.</summary>
    Spanish,

    /// <summary>Pages in a German interface: "3 Antworten, 37 „Gefällt mir“-Angaben, 1.234 Mal angezeigt", "12.345 Follower",
    /// "1,2 Mio." (German separators and compact numbers); the GraphQL and API answers are unchanged.</summary>
    German,

    /// <summary>Post text as x.com renders it: each emoji an <c>img</c> with the emoji in <c>alt</c>, each link a t.co anchor
    /// showing a shortened URL; GraphQL posts carry <c>full_text</c> as x.com stores it (t.co links, HTML-escaped) with <c>entities.urls</c>.</summary>
    Emoji,

    /// <summary>Pages answer 200 with x.com's "Something went wrong. Try reloading." inside the app, as its client shows when its
    /// own GraphQL call failed; the page still makes that call. GraphQL and API answers as for <see cref="Error"/>.</summary>
    SpaError,

    /// <summary>Pages answer 200 with x.com's "Rate limit exceeded…" inside the app and the rate-limit headers;
    /// GraphQL and API answers as for <see cref="RateLimit"/>.</summary>
    RateLimitPage,

    /// <summary>The post or account is gone: status pages say "Hmm...this page doesn’t exist", profiles "This account doesn’t exist"
    /// (both 200); TweetDetail answers code 144, UserByScreenName <c>{"data":{"user":{}}}</c>.</summary>
    Deleted,

    /// <summary>The account is protected: its posts are replaced by "These posts are protected"; TweetDetail answers a
    /// <c>TweetUnavailable</c> (reason Protected), UserByScreenName marks the user protected.</summary>
    Protected,

    /// <summary>The account is suspended: "Account suspended" on its profile, "This post is from a suspended account." on its posts;
    /// GraphQL answers <c>UserUnavailable</c> / <c>TweetUnavailable</c> with reason Suspended.</summary>
    Suspended,

    /// <summary>The account is locked: pages redirect to /account/access, GraphQL answers 200 with code 326, the API 403.</summary>
    Locked,

    /// <summary>A correct login is interrupted by x.com's confirmation-code challenge at /account/login_challenge
    /// (the code is <see cref="SandboxOptions.ChallengeCode"/>); the session starts only after the right code.</summary>
    Challenge,

    /// <summary>The answer stops mid-way, as on a connection that died after the headers: 200, its headers and the first
    /// bytes of its body, then nothing until the client gives up.</summary>
    Stalled,
}
