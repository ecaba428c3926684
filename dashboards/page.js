"use strict";
// The page's own script. It holds no data: it reads the JSON block #donnees, written by Go, and
// turns into functions only the "formatter" values that name one of FORMATS.
const DONNEES = JSON.parse(document.getElementById("donnees").textContent);
const enfance = {
  seuil: DONNEES.seuil,
  pct: v => v == null ? "–" : (v * 100).toLocaleString("fr-FR", {maximumFractionDigits: 1}) + "\u00a0%",
  num: v => v == null ? "–" : Number(v).toLocaleString("fr-FR", {maximumFractionDigits: 1}),
  // personnes writes a count of persons; a masked one comes as its text (« < 5 », « secret »).
  personnes: v => v == null ? "<\u00a0" + enfance.seuil : typeof v === "string" ? v : Number(v).toLocaleString("fr-FR"),
  valeur: p => Array.isArray(p.value) ? p.value[p.value.length - 1] : p.value,
  // html escapes a text for a tooltip, which ECharts inserts as HTML.
  html: s => String(s).replace(/[&<>"']/g, c => "&#" + c.charCodeAt(0) + ";"),
  bulle: (p, kind) => (p.name ? enfance.html(p.name) + "<br>" : "") + p.marker + enfance.html(p.seriesName) + " : " +
    enfance.html(enfance[kind](enfance.valeur(p))),
  cellule: p => p.marker + enfance.html(p.name) + " : " + enfance.html(enfance.pct(p.value[2])),
};
// FORMATS are the only functions the options can name; the names are the constants of charts.go.
// Axis and cell labels are drawn on the canvas as text; tooltips are HTML and escape every text.
const FORMATS = new Map([
  ["enfance:pct-axis", v => enfance.pct(v)],
  ["enfance:num-axis", v => enfance.num(v)],
  ["enfance:pct-tooltip", p => enfance.bulle(p, "pct")],
  ["enfance:num-tooltip", p => enfance.bulle(p, "num")],
  ["enfance:persons-tooltip", p => enfance.bulle(p, "personnes")],
  ["enfance:cell-tooltip", p => enfance.cellule(p)],
  ["enfance:cell-label", p => enfance.pct(p.value[2])],
  ["enfance:coverage-tooltip", p => enfance.html(p.name) + " : " + enfance.html(enfance.num(p.value)) + " places pour 100 enfants"],
]);
// withFormatters replaces, anywhere in an option, a "formatter" string that names one of FORMATS
// by its function; any other value, data included, stays as it is.
function withFormatters(node) {
  if (node === null || typeof node !== "object") {
    return node;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === "formatter" && typeof value === "string" && FORMATS.has(value)) {
      node[key] = FORMATS.get(value);
    } else {
      withFormatters(value);
    }
  }
  return node;
}
echarts.registerMap("territoire", DONNEES.carte);
const OPTIONS = withFormatters(DONNEES.options);
const CHARTS = {};
for (const id of Object.keys(OPTIONS)) {
  CHARTS[id] = echarts.init(document.getElementById(id), null, {renderer: "canvas"});
}
// vide is a chart that says it has nothing to show.
const vide = texte => ({title: {text: texte, left: "center", top: "middle", textStyle: {color: DONNEES.gris, fontWeight: "normal"}}});
// optionPour is a chart's option for a year and a scope (« territoire », « antenne:… »,
// « commune:… »): the scope's own when the chart narrows to its level, else the territory's.
function optionPour(id, annee, portee) {
  const parAnnee = OPTIONS[id];
  const niveau = portee.split(":")[0];
  if ((DONNEES.niveaux[id] || []).includes(niveau)) {
    return parAnnee[annee + "|" + portee] || parAnnee["toutes|" + portee] ||
      vide("Rien à montrer pour " + DONNEES.portees[portee].nom + " en " + annee);
  }
  return parAnnee[annee] || parAnnee["toutes"] || vide("Pas de données pour " + annee);
}
// montrer draws every chart for a year and a scope; a chart without figures for them says so
// rather than keep showing others, one that does not narrow to the scope says it shows the whole
// territory, and the map outlines the scope's communes.
function montrer(annee, portee = "territoire") {
  for (const id of Object.keys(OPTIONS)) {
    CHARTS[id].setOption(optionPour(id, annee, portee), true);
  }
  const carte = CHARTS["couverture_carte"];
  if (carte && portee !== "territoire") {
    carte.dispatchAction({type: "select", seriesIndex: 0, name: DONNEES.portees[portee].communes});
  }
  for (const note of document.querySelectorAll("p.territoire-entier")) {
    note.hidden = portee === "territoire";
  }
  for (const table of document.querySelectorAll("table[data-annee]")) {
    table.hidden = table.dataset.annee !== String(annee);
  }
}
const ANNEE = document.getElementById("annee"), PORTEE = document.getElementById("portee");
const redessiner = () => montrer(ANNEE.value, PORTEE.value);
ANNEE.addEventListener("change", redessiner);
PORTEE.addEventListener("change", redessiner);
window.addEventListener("resize", () => Object.values(CHARTS).forEach(c => c.resize()));
redessiner();
