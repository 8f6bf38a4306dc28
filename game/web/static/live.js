/* netwerktafel — live updates for the room's pages, and taps that need no round trip.
   Part of netwerktafel, licensed under the EUPL-1.2 (see LICENSE.txt). No build step.

   Without this script every page still works: each button is a plain form post.
   With it: the page follows the session (server-sent events), dots and rankings move
   on the phone itself, and the beamer's clock counts down. */
(function () {
  "use strict";

  var main = document.getElementById("inhoud");
  var csrfMeta = document.querySelector("meta[name=csrf]");

  function fillCsrf() {
    if (!csrfMeta || !main) return;
    var inputs = main.querySelectorAll("input[name=_csrf]");
    for (var i = 0; i < inputs.length; i++) inputs[i].value = csrfMeta.content;
  }

  /* Put a new drawing of one part of the page in place ("deel" event: the part's name on
     the first line, its HTML after it; no HTML removes the part). A form whose key did
     not change stays as it is: a vote being put together (dots placed, a reason half
     typed) survives an update of the results. */
  function part(data) {
    var cut = data.indexOf("\n");
    var name = cut < 0 ? data : data.slice(0, cut);
    var holder = document.createElement("div");
    holder.innerHTML = cut < 0 ? "" : data.slice(cut + 1);
    var fresh = holder.firstElementChild;
    var old = null;
    for (var i = 0; i < main.children.length; i++) {
      if (main.children[i].getAttribute("data-deel") === name) old = main.children[i];
    }
    if (!fresh) {
      if (old) main.removeChild(old);
      return;
    }
    var key = fresh.getAttribute("data-sleutel");
    if (old && key && old.getAttribute("data-sleutel") === key) return;
    if (old) main.replaceChild(fresh, old);
    else main.appendChild(fresh);
    fillCsrf();
  }

  function follow() {
    var source = main && main.getAttribute("data-live");
    if (!source || !window.EventSource) return;
    var banner = document.getElementById("verbinding");
    var events = new EventSource(source);
    events.addEventListener("deel", function (message) { part(message.data); });
    events.onopen = function () { if (banner) banner.hidden = true; };
    events.onerror = function () { if (banner) banner.hidden = false; };
  }

  function optionItem(form, id) {
    var items = form.querySelectorAll("[data-optie]");
    for (var i = 0; i < items.length; i++) {
      if (items[i].getAttribute("data-optie") === id) return items[i];
    }
    return null;
  }

  function redrawDots(form) {
    var total = Number(form.getAttribute("data-stippen"));
    var stack = form.getAttribute("data-stapel") === "1";
    var used = form.querySelectorAll("input[name=stip]").length;
    var left = form.querySelector(".aantal-over");
    if (left) left.textContent = String(total - used);
    var items = form.querySelectorAll("[data-optie]");
    for (var i = 0; i < items.length; i++) {
      var count = items[i].querySelectorAll("input[name=stip]").length;
      items[i].querySelector("output").textContent = String(count);
      items[i].querySelector("button[name=min]").disabled = count === 0;
      items[i].querySelector("button[name=plus]").disabled = used >= total || (!stack && count > 0);
    }
  }

  function placeDot(form, action, id) {
    var item = optionItem(form, id);
    if (!item) return;
    var mine = item.querySelectorAll("input[name=stip]");
    if (action === "plus") {
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = "stip";
      input.value = id;
      item.appendChild(input);
    } else if (mine.length) {
      item.removeChild(mine[mine.length - 1]);
    }
    redrawDots(form);
  }

  function move(form, action, id) {
    var item = optionItem(form, id);
    if (!item) return;
    var list = item.parentNode;
    if (action === "omhoog" && item.previousElementSibling) {
      list.insertBefore(item, item.previousElementSibling);
    } else if (action === "omlaag" && item.nextElementSibling) {
      list.insertBefore(item.nextElementSibling, item);
    }
    var items = list.querySelectorAll("[data-optie]");
    for (var i = 0; i < items.length; i++) {
      items[i].querySelector(".plaats").textContent = String(i + 1);
      items[i].querySelector("button[name=omhoog]").disabled = i === 0;
      items[i].querySelector("button[name=omlaag]").disabled = i === items.length - 1;
    }
    var moved = item.querySelector("button[name=" + action + "]");
    if (moved && !moved.disabled) moved.focus();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[name]") : null;
    if (!button || !button.form || !button.form.classList.contains("stemformulier")) return;
    if (button.name === "plus" || button.name === "min") {
      event.preventDefault();
      placeDot(button.form, button.name, button.value);
    } else if (button.name === "omhoog" || button.name === "omlaag") {
      event.preventDefault();
      move(button.form, button.name, button.value);
    }
  });

  function clockText(seconds) {
    var rest = Math.abs(seconds);
    var minutes = Math.floor(rest / 60);
    var secs = rest % 60;
    return (seconds < 0 ? "+" : "") + minutes + ":" + (secs < 10 ? "0" : "") + secs;
  }

  function tick() {
    var clock = document.querySelector(".klok[data-seconden]");
    if (!clock) return;
    var left = Number(clock.getAttribute("data-seconden")) - 1;
    clock.setAttribute("data-seconden", String(left));
    clock.querySelector(".tijd").textContent = clockText(left);
    if (left <= 0 && !clock.classList.contains("om")) {
      clock.classList.add("om");
      clock.querySelector(".klokuitleg").textContent = clock.getAttribute("data-om");
    }
  }

  fillCsrf();
  follow();
  setInterval(tick, 1000);
})();
