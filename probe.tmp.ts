import { analyze } from './src/index.js';
const t = process.argv[2] ?? `Kazakh President Kassym-Jomart Tokayev met reporters in Astana on Monday.

“We are no threat to anyone,” Tokayev told Anna Petrova of Channel One. “We want peace.”

The Kazakh president said on Sunday that the economy would grow by 5 percent.

Western-funded “activists” protested outside, according to RIA Novosti.

…our borders are safe,” he added.

“This is the first part of a long statement.

“And this is the second paragraph of it,” said Mr. Smith, a spokesman for the ministry.

Anna Petrova asked whether the talks would resume. She said she had no answer.`;
const a = analyze(t);
for (const q of a.quotes) console.log(q.id, q.kind, JSON.stringify(q.text), q.speakerId, q.cue?.text, q.outletId, '\n   ', q.explanation);
for (const s of a.speakers) console.log(s.id, s.name, s.mentions.map(m=>t.slice(m.start,m.end)).join('|'));
