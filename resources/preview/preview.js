// Post Editor preview page script. The page's Content-Security-Policy allows this script
// by its hash and nothing else; the editor patches the body through window.postEditor.
(function () {
  "use strict";

  var body = document.getElementById("pe-body");

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
      for (var j = 0; j < htmlList.length; j++) {
        fragment.appendChild(blockContainer(start + j, htmlList[j]));
      }
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
    return true;
  }

  function blockCount() {
    return body.children.length;
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
  });
})();
