// The sandbox's page script: what x.com's client does where FollowerLoop looks.
// - Composers behave like x.com's Draft.js editor: typing enables the Post/Reply button, which stays
//   disabled (aria-disabled="true") while the text is empty or over 280 weighted characters.
// - Posting calls POST /i/api/graphql/<id>/CreateTweet and shows the "Your post was sent." toast with a View link.
// - Profiles fetch UserByScreenName and post pages fetch TweetDetail on load, as x.com does, so a browser
//   client can read exact counts from those responses. Profiles then fetch UserTweets, and again with its
//   Bottom cursor when the timeline is scrolled to its end, appending the next posts; followers pages do the same
//   with Followers, appending the next users.
'use strict';
(() => {
  const config = JSON.parse(document.getElementById('sandbox-config').textContent);
  const limit = 280;
  const urlWeight = 23;
  const toastMillis = 8000;
  // Mirrors Text/TweetLength.cs; keep the two in step.
  const urlPattern = /(?:https?:\/\/[^\s]+?|(?<![@\w.])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|org|net|io|dev|ai|co|app|me|ly|xyz|so|gg)(?:\/[^\s]*?)?)(?=[.,!?;:)\]]*(?:\s|$))/gi;
  const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
  const features = { responsive_web_graphql_timeline_navigation_enabled: true, view_counts_everywhere_api_enabled: true };

  const isEmoji = (grapheme) => {
    const cp = grapheme.codePointAt(0);
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF)
      || (cp >= 0x2300 && cp <= 0x23FF) || grapheme.includes('\uFE0F');
  };

  const weighPlain = (text) => {
    let total = 0;
    for (const { segment } of graphemes.segment(text)) {
      if (isEmoji(segment)) {
        total += 2;
        continue;
      }
      for (const ch of segment) {
        const cp = ch.codePointAt(0);
        const light = cp <= 0x10FF || (cp >= 0x2000 && cp <= 0x200D) || (cp >= 0x2010 && cp <= 0x201F) || (cp >= 0x2032 && cp <= 0x2037);
        total += light ? 1 : 2;
      }
    }
    return total;
  };

  const weightedLength = (raw) => {
    const text = raw.normalize('NFC');
    let total = 0;
    let position = 0;
    for (const match of text.matchAll(urlPattern)) {
      total += weighPlain(text.slice(position, match.index)) + urlWeight;
      position = match.index + match[0].length;
    }
    return total + weighPlain(text.slice(position));
  };

  const csrfToken = () => (document.cookie.match(/(?:^|;\s*)ct0=([^;]+)/) || [])[1] || '';

  const api = (path, init = {}) => fetch(path, {
    credentials: 'same-origin',
    ...init,
    headers: {
      'content-type': 'application/json',
      'x-csrf-token': csrfToken(),
      'x-twitter-active-user': 'yes',
      'x-twitter-auth-type': 'OAuth2Session',
      'x-twitter-client-language': 'en',
    },
  });

  const toLogin = () => {
    location.href = `/i/flow/login?redirect_after_login=${encodeURIComponent(location.pathname + location.search)}`;
  };

  const showToast = (message, href) => {
    const layers = document.getElementById('layers');
    layers.querySelectorAll('[data-sandbox-toast]').forEach((node) => node.remove());
    const live = document.createElement('div');
    live.setAttribute('aria-live', 'assertive');
    live.dataset.sandboxToast = '';
    const toast = document.createElement('div');
    toast.dataset.testid = 'toast';
    toast.setAttribute('role', 'alert');
    const text = document.createElement('div');
    text.dir = 'ltr';
    const span = document.createElement('span');
    span.textContent = message;
    text.append(span);
    toast.append(text);
    if (href) {
      const link = document.createElement('a');
      link.href = href;
      link.setAttribute('role', 'link');
      const label = document.createElement('span');
      label.textContent = 'View';
      link.append(label);
      toast.append(link);
    }
    live.append(toast);
    layers.append(live);
    setTimeout(() => live.remove(), toastMillis);
  };

  const showLoadError = () => {
    const column = document.querySelector('[data-testid="primaryColumn"]');
    if (column.querySelector('[data-sandbox-load-error]')) {
      return;
    }
    const error = document.createElement('div');
    error.className = 'error-detail';
    error.dataset.sandboxLoadError = '';
    error.dataset.testid = 'error-detail';
    error.innerHTML = '<div dir="ltr"><span>Something went wrong. Try reloading.</span></div>'
      + '<button role="button" type="button" class="primary-button" onclick="location.reload()"><span>Retry</span></button>';
    column.append(error);
  };

  const errorMessage = (response, json) => {
    const error = json && json.errors && json.errors[0];
    if (error && error.code === 187) {
      return 'Whoops! You already said that.';
    }
    if (error && error.code === 186) {
      return 'Your post is over 280 characters. Shorten it and try again.';
    }
    if (response && response.status === 429) {
      return 'Sorry, you are rate limited. Please wait a few moments then try again.';
    }
    return 'Something went wrong, but don’t fret — let’s give it another shot.';
  };

  const editorText = (editor) => editor.innerText.replace(/\u00a0/g, ' ').replace(/\n+$/, '');

  const setUpComposer = (composer) => {
    const editor = composer.querySelector('[data-testid^="tweetTextarea_"]');
    const button = composer.querySelector('[data-testid="tweetButtonInline"], [data-testid="tweetButton"]');
    const placeholder = composer.querySelector('.public-DraftEditorPlaceholder-root');
    const counter = composer.querySelector('[data-sandbox-counter]');
    let sending = false;

    const update = () => {
      const text = editorText(editor);
      const length = weightedLength(text.trim());
      const ready = !sending && text.trim().length > 0 && length <= limit;
      button.disabled = !ready;
      button.setAttribute('aria-disabled', String(!ready));
      button.tabIndex = ready ? 0 : -1;
      placeholder.hidden = text.length > 0;
      counter.textContent = length > limit - 20 ? String(limit - length) : '';
      counter.classList.toggle('over', length > limit);
    };

    const submit = async () => {
      const text = editorText(editor).trim();
      if (button.disabled || !text) {
        return;
      }
      sending = true;
      update();
      const variables = {
        tweet_text: text,
        dark_request: false,
        media: { media_entities: [], possibly_sensitive: false },
        semantic_annotation_ids: [],
      };
      if (composer.dataset.inReplyTo) {
        variables.reply = { in_reply_to_tweet_id: composer.dataset.inReplyTo, exclude_reply_user_ids: [] };
      }
      const queryId = config.queryIds.createTweet;
      let response = null;
      let json = null;
      try {
        response = await api(`/i/api/graphql/${queryId}/CreateTweet`, {
          method: 'POST',
          body: JSON.stringify({ variables, features, queryId }),
        });
        json = await response.json().catch(() => null);
      } catch {
        response = null;
      }
      sending = false;
      if (response && response.status === 401) {
        toLogin();
        return;
      }
      const result = json && json.data && json.data.create_tweet && json.data.create_tweet.tweet_results.result;
      if (response && response.ok && result && result.rest_id) {
        editor.textContent = '';
        update();
        composer.closest('[role="dialog"]')?.remove();
        showToast('Your post was sent.', `/${config.handle}/status/${result.rest_id}`);
      } else {
        update();
        showToast(errorMessage(response, json));
      }
    };

    editor.addEventListener('input', update);
    editor.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        submit();
      }
    });
    button.addEventListener('click', submit);
    update();
  };

  // Returns the answer's JSON, or null when the call failed (the page then shows its load error).
  const load = async (operation, variables) => {
    const queryId = config.queryIds[operation.charAt(0).toLowerCase() + operation.slice(1)];
    const query = `variables=${encodeURIComponent(JSON.stringify(variables))}&features=${encodeURIComponent(JSON.stringify(features))}`;
    try {
      const response = await api(`/i/api/graphql/${queryId}/${operation}?${query}`);
      if (response.status === 401) {
        toLogin();
        return null;
      }
      if (!response.ok) {
        showLoadError();
        return null;
      }
      return await response.json().catch(() => null);
    } catch {
      showLoadError();
      return null;
    }
  };

  const timelineEntries = (json) => ((json && json.data && json.data.user && json.data.user.result
    && json.data.user.result.timeline && json.data.user.result.timeline.timeline.instructions) || [])
    .flatMap((instruction) => instruction.entries || []);

  // A user's timeline (the profile's Posts tab, the followers list): the page renders the first page; like x.com, the
  // operation loads it again once UserByScreenName has given the user's id, then once more with the Bottom cursor each
  // time the timeline is scrolled to its end. The next cells come from the sandbox's own cells endpoint (the server's markup).
  // entryPrefix: the answer's entries that are the timeline's items ('tweet-', 'user-'); cellsKind: 'profile' or 'followers';
  // keyOf: what tells a cell already shown (one added since the page was rendered shifts the pages).
  const loadUserTimeline = async (user, { operation, variables, entryPrefix, cellsKind, keyOf }) => {
    const pageSize = 20;
    const userId = user.rest_id || config.userId;
    const call = (cursor) => load(operation, { userId, count: pageSize, ...(cursor ? { cursor } : {}), ...variables });
    const bottomCursor = (json) => {
      const cursor = timelineEntries(json).find((entry) => entry.content && entry.content.cursorType === 'Bottom');
      return cursor ? cursor.content.value : null;
    };
    let cursor = bottomCursor(await call(null));
    const list = document.querySelector('[data-testid="primaryColumn"] section[role="region"] [aria-label^="Timeline: "] > div');
    if (!cursor || !list || !list.querySelector('[data-testid="cellInnerDiv"]')) {
      return;
    }
    // The page's own fault (?sandbox_fault=…) applies to the cells too, so they render as the page did.
    const fault = new URLSearchParams(location.search).get('sandbox_fault');
    const cellsPath = (next) => `/i/sandbox/${cellsKind}/${encodeURIComponent(config.screenName)}/cells?cursor=${encodeURIComponent(next)}&count=${pageSize}`
      + (fault ? `&sandbox_fault=${encodeURIComponent(fault)}` : '');
    const shown = new Set([...list.querySelectorAll('[data-testid="cellInnerDiv"]')].map(keyOf));
    const sentinel = document.createElement('div');
    sentinel.dataset.sandboxTimelineEnd = '';
    sentinel.style.height = '1px';
    list.after(sentinel);
    let loading = false;
    const observer = new IntersectionObserver((changes) => {
      if (changes.some((change) => change.isIntersecting)) {
        loadMore();
      }
    });
    const stop = () => {
      observer.disconnect();
      sentinel.remove();
    };
    const loadMore = async () => {
      if (loading) {
        return;
      }
      loading = true;
      const json = await call(cursor);
      const items = timelineEntries(json).filter((entry) => entry.entryId.startsWith(entryPrefix));
      if (!json || items.length === 0) {
        stop();
        return;
      }
      let html = null;
      try {
        const response = await fetch(cellsPath(cursor), { credentials: 'same-origin' });
        html = response.ok ? await response.text() : null;
      } catch {
        html = null;
      }
      if (html === null) {
        showLoadError();
        stop();
        return;
      }
      const template = document.createElement('template');
      template.innerHTML = html;
      template.content.querySelectorAll('[data-testid="cellInnerDiv"]').forEach((cell) => {
        const key = keyOf(cell);
        if (!key || !shown.has(key)) {
          shown.add(key);
          list.append(cell);
        }
      });
      cursor = bottomCursor(json);
      loading = false;
      // Observing again reports at once whether the end is still in view (a short page), so paging goes on.
      observer.unobserve(sentinel);
      observer.observe(sentinel);
    };
    observer.observe(sentinel);
  };

  const loadProfilePosts = (user) => loadUserTimeline(user, {
    operation: 'UserTweets',
    variables: { includePromotedContent: true, withQuickPromoteEligibilityTweetFields: true, withVoice: true },
    entryPrefix: 'tweet-',
    cellsKind: 'profile',
    keyOf: (cell) => (cell.querySelector('[data-testid="User-Name"]') || {}).id,
  });

  const loadFollowers = (user) => loadUserTimeline(user, {
    operation: 'Followers',
    variables: { includePromotedContent: false },
    entryPrefix: 'user-',
    cellsKind: 'followers',
    keyOf: (cell) => (cell.querySelector('[data-testid="UserCell"]') || { dataset: {} }).dataset.sandboxUserId,
  });

  // x.com loads no timeline for an account it will not show: unknown, suspended (UserUnavailable) or protected.
  const loadProfile = async (loadTimeline) => {
    const json = await load('UserByScreenName', { screen_name: config.screenName, withSafetyModeUserFields: true });
    const user = json && json.data && json.data.user && json.data.user.result;
    if (user && user.__typename === 'User' && !(user.privacy && user.privacy.protected)) {
      await loadTimeline(user);
    }
  };

  document.querySelectorAll('[data-sandbox-composer]').forEach(setUpComposer);
  if (config.page === 'profile') {
    loadProfile(loadProfilePosts);
  } else if (config.page === 'followers') {
    loadProfile(loadFollowers);
  } else if (config.page === 'status') {
    load('TweetDetail', { focalTweetId: config.focalTweetId, with_rux_injections: false, includePromotedContent: false, withVoice: true });
  }
})();
