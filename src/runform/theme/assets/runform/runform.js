/* runform: the click-to-load video player, comments that load when the reader nears them,
 * and the copy-link button. No third-party code: a player or comment script is only ever
 * added after the reader asks for it (play) or scrolls to it (comments).
 * Runs on every page Material shows, including after instant navigation (document$). */
(function () {
  "use strict";

  var ALLOW = {
    youtube:
      "accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share; fullscreen",
    vimeo: "autoplay; fullscreen; picture-in-picture; clipboard-write; encrypted-media",
  };

  /* Material's cookie consent (extra.consent): a reader who accepted the cookie named after
   * the provider ("youtube", "vimeo") gets the player at once, without autoplay. */
  function consentedTo(provider) {
    if (!document.querySelector("[data-md-component=consent]")) return false;
    if (typeof window.__md_get !== "function") return false;
    var consent = window.__md_get("__consent");
    return Boolean(consent && consent[provider]);
  }

  function loadPlayer(figure, autoplay) {
    var target = figure.querySelector(".rf-video__placeholder");
    if (!target) return;
    var url = new URL(figure.getAttribute("data-embed"));
    if (!autoplay) url.searchParams.delete("autoplay");
    var provider = figure.getAttribute("data-provider");
    var frame = document.createElement("iframe");
    frame.className = "rf-video__frame";
    frame.src = url.toString();
    frame.title = figure.getAttribute("data-title") || "";
    frame.setAttribute("allow", ALLOW[provider] || ALLOW.youtube);
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    target.replaceWith(frame);
    figure.classList.add("rf-video--playing");
    if (autoplay) frame.focus();
  }

  function setUpVideo(figure) {
    if (figure.hasAttribute("data-rf-ready")) return;
    figure.setAttribute("data-rf-ready", "");
    var link = figure.querySelector("a.rf-video__placeholder");
    if (!link) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    while (link.firstChild) button.appendChild(link.firstChild);
    /* The button's name is its own text (title and hint) with "Play video:" around the title
     * for assistive technology only, so the name holds every word a reader sees. */
    var title = button.querySelector(".rf-video__title");
    if (title) {
      [["data-play-before", "afterbegin"], ["data-play-after", "beforeend"]].forEach(function (p) {
        var words = figure.getAttribute(p[0]);
        if (!words) return;
        var hidden = document.createElement("span");
        hidden.className = "rf-visually-hidden";
        hidden.textContent = words;
        title.insertAdjacentElement(p[1], hidden);
      });
    }
    var hint = button.querySelector(".rf-video__hint");
    if (hint && figure.getAttribute("data-play-hint")) {
      hint.textContent = figure.getAttribute("data-play-hint");
    }
    link.replaceWith(button);
    button.addEventListener("click", function () {
      loadPlayer(figure, true);
    });
    if (consentedTo(figure.getAttribute("data-provider"))) loadPlayer(figure, false);
  }

  /* Comments: giscus follows Material's light/dark switch. */
  function giscusTheme() {
    var scheme = document.body.getAttribute("data-md-color-scheme");
    return scheme === "slate" ? "dark" : "light";
  }

  function loadComments(section) {
    if (section.hasAttribute("data-rf-loaded")) return;
    section.setAttribute("data-rf-loaded", "");
    var config = JSON.parse(section.getAttribute("data-rf-config"));
    var provider = section.getAttribute("data-rf-comments");
    if (provider === "isso" && window.Isso && typeof window.Isso.init === "function") {
      window.Isso.init(); /* the script is already here after instant navigation */
      window.Isso.fetchComments();
      return;
    }
    var script = document.createElement("script");
    Object.keys(config.attributes).forEach(function (name) {
      script.setAttribute(name, config.attributes[name]);
    });
    if (provider === "giscus") script.setAttribute("data-theme", giscusTheme());
    script.async = true;
    script.src = config.src;
    section.appendChild(script);
  }

  function setUpComments(section) {
    if (section.hasAttribute("data-rf-watched")) return;
    section.setAttribute("data-rf-watched", "");
    if (!("IntersectionObserver" in window)) {
      loadComments(section);
      return;
    }
    var observer = new IntersectionObserver(
      function (entries) {
        if (entries.some(function (entry) { return entry.isIntersecting; })) {
          observer.disconnect();
          loadComments(section);
        }
      },
      { rootMargin: "300px 0px" }
    );
    observer.observe(section);
  }

  function watchPalette() {
    new MutationObserver(function () {
      var frame = document.querySelector("iframe.giscus-frame");
      if (!frame || !frame.contentWindow) return;
      frame.contentWindow.postMessage(
        { giscus: { setConfig: { theme: giscusTheme() } } },
        "https://giscus.app"
      );
    }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
  }

  /* Copy link: shown only where it can work (with JavaScript). */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var done = document.execCommand("copy");
      area.remove();
      if (done) resolve();
      else reject(new Error("copy failed"));
    });
  }

  function setUpCopy(button) {
    if (button.hasAttribute("data-rf-ready")) return;
    button.setAttribute("data-rf-ready", "");
    button.hidden = false;
    button.addEventListener("click", function () {
      var status = button.closest(".rf-share").querySelector(".rf-share__status");
      copyText(button.getAttribute("data-url") || location.href).then(
        function () {
          if (status) status.textContent = button.getAttribute("data-copied") || "";
          button.classList.add("rf-share__copy--done");
        },
        function () {
          if (status) status.textContent = button.getAttribute("data-url") || location.href;
        }
      );
    });
  }

  function init() {
    document.querySelectorAll("figure.rf-video[data-embed]").forEach(setUpVideo);
    document.querySelectorAll("section.rf-comments[data-rf-comments]").forEach(setUpComments);
    document.querySelectorAll("button.rf-share__copy").forEach(setUpCopy);
  }

  watchPalette();
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init); /* Material: every page, instant navigation included */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
