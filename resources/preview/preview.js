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

  // Run `change` without moving what the reader is looking at: the page scrolls back to
  // the same offset, so replacing blocks above the viewport does not jump.
  function keepingScroll(change) {
    var x = window.scrollX;
    var y = window.scrollY;
    change();
    window.scrollTo(x, y);
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
  });
})();
