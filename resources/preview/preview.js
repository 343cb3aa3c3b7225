// Post Editor preview page script. The page's Content-Security-Policy allows this script
// by its hash and nothing else; the editor patches the body through window.postEditor.
(function () {
  "use strict";

  var body = document.getElementById("pe-body");

  // Memory (issue #7): V8 leaves the garbage of large patches (the editor's scripts with
  // their HTML strings, the blocks they replaced) on an idle page for a long time; a
  // streamed 500 KB post left ~20 MB of it in the renderer. After patches that brought at
  // least COLLECT_AFTER_CHARS of HTML, once the page has been quiet for COLLECT_IDLE_MS,
  // one full collection gives it back. The function exists only with the V8 flag that
  // editor/qt_env.py sets (--expose-gc-as=__peCollectGarbage); without it, nothing happens.
  var COLLECT_AFTER_CHARS = 100000;
  var COLLECT_IDLE_MS = 1000;
  var arrivedChars = 0;
  var collectTimer = null;
  var collections = 0;

  function collectGarbage() {
    collectTimer = null;
    arrivedChars = 0;
    var collect = window.__peCollectGarbage;
    if (typeof collect === "function") {
      collect();
      collections += 1;
    }
  }

  function noteArrived(chars) {
    arrivedChars += chars;
    if (arrivedChars < COLLECT_AFTER_CHARS) {
      return;
    }
    if (collectTimer !== null) {
      clearTimeout(collectTimer);
    }
    collectTimer = setTimeout(collectGarbage, COLLECT_IDLE_MS);
  }

  function blockContainer(index, html) {
    var container = document.createElement("div");
    container.className = "pe-block";
    container.setAttribute("data-block", String(index));
    container.innerHTML = html;
    return container;
  }

  function renumber(from) {
    var blocks = body.children;
    for (var i = from; i < blocks.length; i++) {
      blocks[i].setAttribute("data-block", String(i));
    }
  }

  // Scroll sync (issue #4). The editor sends the source block and how far into it (0..1)
  // of its first and of its last visible line, and how much the last one counts: 0 in the
  // middle of a post (its first line at the top of the page's view), rising to 1 over the
  // editor's last screenful (its last line at the bottom). Page block i stands for the page
  // from its top to the next block's top; the first block also owns the title and header
  // above it and the last one the page below it, so the editor's top is the page's top and
  // its end the page's end. Positions are measured when applied, and applied again after
  // a patch and after an image loads, while the page stays where the editor put it: the
  // reader's own scroll (wheel, keys, a link to an anchor) ends that until the next sync.
  var SYNC_MARGIN = 8; // px above a block shown at the top
  var syncTarget = null;
  var syncedY = 0;

  function blockTop(block) {
    return block.getBoundingClientRect().top + window.scrollY;
  }

  function pagePoint(index, count, within) {
    var blocks = body.children;
    var last = blocks.length - 1;
    // while a patch is on its way the counts differ: scale, but the last block stays last
    var i = index >= count - 1 ? last : Math.floor((index * blocks.length) / count);
    i = Math.min(last, Math.max(0, i));
    var top = i === 0 ? 0 : blockTop(blocks[i]);
    var end = i === last ? document.documentElement.scrollHeight : blockTop(blocks[i + 1]);
    return top + within * Math.max(0, end - top);
  }

  function syncedOffset(target) {
    var room = Math.max(0, document.documentElement.scrollHeight - window.innerHeight);
    if (!body.children.length || target.count <= 0) {
      return room * target.weight;
    }
    var first = pagePoint(target.firstIndex, target.count, target.firstWithin);
    var showFirst = first - SYNC_MARGIN;
    var showLast = pagePoint(target.lastIndex, target.count, target.lastWithin);
    showLast -= window.innerHeight;
    var y = showFirst + target.weight * (showLast - showFirst);
    return Math.min(room, Math.max(0, y));
  }

  function applySync() {
    window.scrollTo(window.scrollX, syncedOffset(syncTarget));
    syncedY = window.scrollY;
  }

  function following() {
    return syncTarget !== null && Math.abs(window.scrollY - syncedY) < 1;
  }

  function stopFollowing() {
    syncTarget = null;
    document.documentElement.style.overflowAnchor = "";
  }

  function syncScroll(firstIndex, firstWithin, lastIndex, lastWithin, count, weight) {
    syncTarget = {
      firstIndex: firstIndex,
      firstWithin: firstWithin,
      lastIndex: lastIndex,
      lastWithin: lastWithin,
      count: count,
      weight: weight,
    };
    // the browser's own scroll anchoring would move the page when an image loads; while
    // the page follows the editor, the editor's position decides
    document.documentElement.style.overflowAnchor = "none";
    applySync();
    return window.scrollY;
  }

  window.addEventListener("scroll", function () {
    if (syncTarget !== null && !following()) {
      stopFollowing(); // the reader (or a link to an anchor) scrolled the page
    }
  });

  document.addEventListener("load", function (event) {
    if (event.target.tagName === "IMG" && following()) {
      applySync();
    }
  }, true);

  // Run `change` without moving what the reader is looking at: the page scrolls back to
  // the same offset, so replacing blocks above the viewport does not jump; a page that
  // follows the editor goes to the editor's position again (typing at the end shows the
  // new end).
  function keepingScroll(change) {
    var x = window.scrollX;
    var y = window.scrollY;
    var follow = following();
    change();
    if (follow) {
      applySync();
    } else {
      window.scrollTo(x, y);
    }
  }

  // Replace `deleteCount` blocks starting at `startIndex` with one block per HTML string.
  function replaceBlocks(startIndex, deleteCount, htmlList) {
    keepingScroll(function () {
      var blocks = body.children;
      var start = Math.max(0, Math.min(startIndex, blocks.length));
      var count = Math.max(0, Math.min(deleteCount, blocks.length - start));
      var anchor = blocks[start + count] || null;
      for (var i = 0; i < count; i++) {
        body.removeChild(blocks[start]);
      }
      var fragment = document.createDocumentFragment();
      var chars = 0;
      for (var j = 0; j < htmlList.length; j++) {
        fragment.appendChild(blockContainer(start + j, htmlList[j]));
        chars += htmlList[j].length;
      }
      noteArrived(chars);
      body.insertBefore(fragment, anchor);
      renumber(start);
    });
    return body.children.length;
  }

  // Replace the whole body with already wrapped blocks (wrap_blocks output).
  function setBody(html) {
    keepingScroll(function () {
      body.innerHTML = html;
    });
    noteArrived(html.length);
    return body.children.length;
  }

  // Replace one part of the page outside the body: "header", "feature", "image", "notice".
  function setPart(name, html) {
    var part = document.getElementById("pe-" + name);
    if (!part || part === body) {
      return false;
    }
    keepingScroll(function () {
      part.innerHTML = html;
    });
    noteArrived(html.length);
    return true;
  }

  function blockCount() {
    return body.children.length;
  }

  // How many collections the page has asked for (tests and benchmarks).
  function collectionCount() {
    return collections;
  }

  // A click on a javascript:, about:, data: or file: link must never run or navigate, even
  // if the sanitiser and the CSP both missed it; http(s), mailto and #anchors go on to the
  // editor, which opens or scrolls them.
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href]") : null;
    if (!link) {
      return;
    }
    var href = link.getAttribute("href").trim();
    var safe = ["http:", "https:", "mailto:"].indexOf(link.protocol) >= 0;
    if (!safe && href.charAt(0) !== "#") {
      event.preventDefault();
    }
  }, true);

  window.postEditor = Object.freeze({
    replaceBlocks: replaceBlocks,
    setBody: setBody,
    setPart: setPart,
    blockCount: blockCount,
    collectionCount: collectionCount,
    syncScroll: syncScroll,
  });
})();
