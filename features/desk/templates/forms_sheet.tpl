{{%AUTOESCAPE context="HTML"}}<div class="no-print sheet-tools">
  <p class="back"><a href="{{DOSSIER_HREF}}">Về trang hồ sơ {{CODE}}</a></p>
  <p class="actions">
    <a class="button" href="{{PDF_HREF}}" data-print>In phiếu</a>
    <a class="button secondary" href="{{PDF_HREF}}" download>Tải bản PDF<span class="visually-hidden"> {{FORM_NAME}}</span></a>
  </p>
  <nav aria-label="Các mẫu phiếu của hồ sơ {{CODE}}">
    <ul class="sheet-siblings">{{#SIBLING}}<li><a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>Mẫu {{NUMBER}}: {{NAME}}</a></li>{{/SIBLING}}</ul>
  </nav>
  <p class="hint">Phiếu in trên khổ giấy A5, khổ đứng. Nút “In phiếu” mở hộp thoại in của trình duyệt; nếu không mở được, nút mở bản PDF để in.</p>
</div>
<article class="sheet sheet-a5" aria-labelledby="form-title">
  {{#HAS_MODEL}}<p class="sheet-model">{{MODEL}}</p>{{/HAS_MODEL}}
  <div class="nd30">
    <div class="nd30-issuer">
      {{#HAS_PARENT}}<p class="nd30-parent">{{PARENT_BODY}}</p>{{/HAS_PARENT}}
      <p class="nd30-body">{{BODY}}</p>
    </div>
    <div class="nd30-nation">
      <p class="nd30-name">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
      <p class="nd30-motto">Độc lập - Tự do - Hạnh phúc</p>
    </div>
    <p class="nd30-date">{{DATE_LINE}}</p>
  </div>
  <h1 id="form-title" class="sheet-title">{{FORM_TITLE}}</h1>
  <p class="sheet-code">{{CODE_LINE}}</p>
  {{#QR}}<figure class="sheet-qr">{{QR_SVG:none}}<figcaption>{{QR_SHORT}}</figcaption></figure>{{/QR}}
  {{#BLOCK}}{{#B_TEXT}}<p class="sheet-text">{{TEXT}}</p>{{/B_TEXT}}{{#B_NOTE}}<p class="sheet-note">{{TEXT}}</p>{{/B_NOTE}}{{#B_FIELD}}<p class="sheet-field">{{LABEL}} {{#FILLED}}<strong>{{VALUE}}</strong>{{/FILLED}}{{#EMPTY}}<span class="sheet-dots" aria-hidden="true">……………………………………</span><span class="visually-hidden">(để trống)</span>{{/EMPTY}}</p>{{/B_FIELD}}{{#B_TABLE}}
  <div class="table-wrap" role="region" aria-labelledby="{{CAPTION_ID}}" tabindex="0">
    <table class="sheet-table">
      <caption id="{{CAPTION_ID}}" class="visually-hidden">{{CAPTION}}</caption>
      <thead><tr>{{#TH}}<th scope="col">{{CELL}}</th>{{/TH}}</tr></thead>
      <tbody>{{#TR}}<tr>{{#TD}}<td{{#HAS_LABEL}} data-label="{{LABEL}}"{{/HAS_LABEL}}>{{#LINK}}<a href="{{HREF}}">{{CELL}}</a>{{/LINK}}{{#PLAIN}}{{CELL}}{{/PLAIN}}</td>{{/TD}}</tr>{{/TR}}</tbody>
    </table>
  </div>{{/B_TABLE}}{{/BLOCK}}
  {{#QR}}<p class="sheet-note sheet-url">{{QR_CAPTION}} <a href="{{QR_URL}}">{{QR_URL}}</a></p>{{/QR}}
  <div class="sheet-signs">
    {{#RECIPIENTS}}<div class="sheet-recipients"><p><strong><em>{{RECIPIENTS_HEAD}}</em></strong></p>{{#RECIPIENT}}<p>{{LINE}}</p>{{/RECIPIENT}}</div>{{/RECIPIENTS}}
    {{#SIGN}}<div class="sheet-sign">
      <p class="sign-title">{{SIGN_TITLE}}</p>
      <p class="sign-hint">{{SIGN_HINT}}</p>
      <p class="sign-name">{{SIGN_NAME}}</p>
    </div>{{/SIGN}}
  </div>
</article>
