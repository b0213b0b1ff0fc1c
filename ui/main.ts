/**
 * Guild View's page: routes by URL hash (`#/`, `#/run/ID`,
 * `#/compare/ID,ID`) and gives each page the main element; a page returns
 * what to undo when it is left (event subscriptions, charts).
 */
import { comparePage } from "./compare-page.js";
import { compareIds } from "./compare-paths.js";
import { clear, h } from "./dom.js";
import { runPage } from "./run-page.js";
import { runsPage } from "./runs-page.js";

let leave = () => {};

function route(): void {
  leave();
  delete document.body.dataset.ready;
  const main = document.getElementById("app") as HTMLElement;
  const hash = location.hash.replace(/^#\/?/, "");
  const [page, arg = ""] = hash.split("/");
  const compared = compareIds(location.hash);
  document.querySelectorAll("nav.top a").forEach((a) => a.classList.toggle("active", a.getAttribute("data-page") === (page || "runs")));
  if (page === "run" && arg) leave = runPage(main, arg);
  else if (page === "compare" && compared) leave = comparePage(main, compared);
  else leave = runsPage(main);
  window.scrollTo(0, 0);
}

function shell(): void {
  clear(document.body,
    h("nav", { class: "top" }, h("a", { href: "#/", class: "brand", "data-page": "runs" }, "Guild View"), h("a", { href: "#/", "data-page": "runs" }, "Runs")),
    h("main", { id: "app" }),
  );
}

shell();
window.addEventListener("hashchange", route);
route();
