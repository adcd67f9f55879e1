/** The console's only stylesheet, served from `/console/style.css` so the CSP can forbid inline styles. */
export const STYLESHEET = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1b1f24;background:#f6f7f9}
header{background:#1f3a5f;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center}
header a{color:#fff}
header form{margin-left:auto}
nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:1rem}
main{max-width:60rem;margin:0 auto;padding:1rem}
a{color:#0b57d0}
a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #f4b400;outline-offset:2px}
table{border-collapse:collapse;display:block;max-width:100%;overflow-x:auto}
th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #d6d9de;vertical-align:top;background:#fff}
code,pre{font-family:ui-monospace,monospace;font-size:.9rem;word-break:break-all;white-space:pre-wrap}
code.id{white-space:nowrap;word-break:normal}
form.stacked{display:grid;gap:.75rem;max-width:40rem}
form.stacked button{justify-self:start}
table+form,table+p{margin-top:1rem}
label{font-weight:600;display:block}
input[type=text],input[type=password],input[type=url],input[type=datetime-local],select,textarea{width:100%;padding:.4rem;font:inherit;border:1px solid #8a9099;border-radius:4px}
textarea{min-height:8rem}
textarea.code{min-height:24rem;font-family:ui-monospace,monospace;font-size:.9rem}
ol.rules{padding-left:1.5rem}
ul.compact{margin:0;padding-left:1.2rem}
tr.failed td{background:#fdecea}
tr.passed td{background:#eaf5ec}
details{margin:.5rem 0 1rem}
fieldset{border:1px solid #d6d9de;border-radius:4px;display:grid;gap:.75rem}
fieldset label{font-weight:normal;display:inline}
.hint{color:#4a5160;font-size:.9rem;margin:0}
.error{color:#a50e0e;font-weight:600}
.notice{background:#fff8d6;border:1px solid #e0c200;padding:.75rem;border-radius:4px}
.ok{color:#0b6e2b;font-weight:600}
button{font:inherit;padding:.4rem 1rem;border-radius:4px;border:1px solid #1f3a5f;background:#1f3a5f;color:#fff;cursor:pointer}
button.danger{background:#a50e0e;border-color:#a50e0e}
header button{background:transparent;border-color:#fff}
.inline{display:inline}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}
dd{margin:0;word-break:break-all}
@media (max-width:40rem){dl{grid-template-columns:1fr}dt{margin-top:.5rem}}
`;
