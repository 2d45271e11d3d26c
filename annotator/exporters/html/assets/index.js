(function () {
  "use strict";
  var table = document.getElementById("rows");
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  var controls = document.getElementById("controls");
  var query = document.getElementById("query");
  var status = document.getElementById("status");
  var size = document.getElementById("size");
  var position = document.getElementById("position");
  var previous = document.getElementById("previous");
  var next = document.getElementById("next");

  // Every row, once: the document then only ever holds one page of them.
  var items = Array.prototype.map.call(body.rows, function (row, order) {
    return { row: row, order: order, failed: row.className === "failed", text: null, keys: [] };
  });
  var state = { column: -1, direction: 1, page: 0 };
  var view = items;

  function numeric(column) {
    return heads[column].getAttribute("data-kind") === "num";
  }

  function key(item, column) {
    var known = item.keys[column];
    if (known !== undefined) { return known; }
    var cell = item.row.cells[column].textContent;
    var value = numeric(column) ? (cell === "" ? -1 : Number(cell)) : cell.toLowerCase();
    item.keys[column] = value;
    return value;
  }

  function matches(item, words, wanted) {
    if (wanted && (wanted === "failed") !== item.failed) { return false; }
    if (!words) { return true; }
    if (item.text === null) { item.text = item.row.textContent.toLowerCase(); }
    return item.text.indexOf(words) !== -1;
  }

  function compare(a, b) {
    var x = key(a, state.column);
    var y = key(b, state.column);
    if (x < y) { return -state.direction; }
    if (x > y) { return state.direction; }
    return a.order - b.order;
  }

  function refilter() {
    var words = query.value.trim().toLowerCase();
    var wanted = status.value;
    view = items.filter(function (item) { return matches(item, words, wanted); });
    if (state.column >= 0) { view.sort(compare); }
    state.page = 0;
    render();
  }

  function render() {
    var perPage = Number(size.value);
    var pages = Math.max(1, Math.ceil(view.length / perPage));
    state.page = Math.min(state.page, pages - 1);
    var first = state.page * perPage;
    var shown = view.slice(first, first + perPage);
    var fragment = document.createDocumentFragment();
    shown.forEach(function (item) { fragment.appendChild(item.row); });
    body.replaceChildren(fragment);
    var of = view.length === items.length ? "" : " (filtered from " + items.length + ")";
    position.textContent = view.length === 0
      ? "no rows" + of
      : "rows " + (first + 1) + "–" + (first + shown.length) + " of " + view.length + of;
    previous.disabled = state.page === 0;
    next.disabled = state.page >= pages - 1;
  }

  function sortBy(column) {
    state.direction = state.column === column ? -state.direction : 1;
    state.column = column;
    Array.prototype.forEach.call(heads, function (head, index) {
      head.setAttribute("aria-sort", index !== column ? "none"
        : (state.direction === 1 ? "ascending" : "descending"));
    });
    view.sort(compare);
    state.page = 0;
    render();
  }

  Array.prototype.forEach.call(heads, function (head, column) {
    var button = document.createElement("button");
    button.type = "button";
    while (head.firstChild) { button.appendChild(head.firstChild); }
    head.appendChild(button);
    head.setAttribute("aria-sort", "none");
    button.addEventListener("click", function () { sortBy(column); });
  });

  var pending = 0;
  query.addEventListener("input", function () {
    clearTimeout(pending);
    pending = setTimeout(refilter, 60);
  });
  status.addEventListener("change", refilter);
  size.addEventListener("change", function () { state.page = 0; render(); });
  previous.addEventListener("click", function () { state.page -= 1; render(); });
  next.addEventListener("click", function () { state.page += 1; render(); });

  controls.hidden = false;
  table.classList.add("paged");
  render();
}());
