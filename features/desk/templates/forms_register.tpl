{{%AUTOESCAPE context="HTML"}}<section class="panel no-print">
  <h1>Sổ theo dõi hồ sơ</h1>
  <p class="lead">Mẫu số 07: hồ sơ tiếp nhận tại một đơn vị và các đơn vị trực thuộc trong một khoảng thời gian (tối đa 366 ngày). In trên khổ giấy A4, khổ ngang, hoặc tải về dạng PDF hay bảng tính.</p>
  <form method="get" action="/desk/register" class="register-filter" novalidate>
    <div class="field{{#UNIT_INVALID}} field-invalid{{/UNIT_INVALID}}">
      <label for="unit">Đơn vị</label>
      <p class="hint" id="unit-hint">Sổ gồm hồ sơ của đơn vị này và các đơn vị trực thuộc.</p>
      {{#UNIT_INVALID}}<p class="field-error" id="unit-error"><span class="visually-hidden">Lỗi: </span>{{UNIT_ERROR}}</p>{{/UNIT_INVALID}}
      <select id="unit" name="unit" aria-describedby="unit-hint{{#UNIT_INVALID}} unit-error{{/UNIT_INVALID}}"{{#UNIT_INVALID}} aria-invalid="true"{{/UNIT_INVALID}}>{{#UNIT_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}} ({{CODE}})</option>{{/UNIT_OPTION}}</select>
    </div>
    {{>FROM_DATE}}
    {{>TO_DATE}}
    <button type="submit">Xem sổ</button>
  </form>
</section>
{{#SHEET}}<section class="sheet sheet-a4l" aria-labelledby="register-title">
  <p class="actions no-print">
    <a class="button" href="{{PDF_HREF}}" data-print>In sổ</a>
    <a class="button secondary" href="{{PDF_HREF}}" download>Tải bản PDF<span class="visually-hidden"> của sổ theo dõi hồ sơ</span></a>
    <a class="button secondary" href="{{XLSX_HREF}}" download>Tải bảng tính Excel<span class="visually-hidden"> của sổ theo dõi hồ sơ</span></a>
  </p>
  <div class="nd30">
    <div class="nd30-issuer">
      <p class="nd30-parent">{{PARENT_BODY}}</p>
      <p class="nd30-body">{{BODY}}</p>
    </div>
    <div class="nd30-nation">
      <p class="nd30-name">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
      <p class="nd30-motto">Độc lập - Tự do - Hạnh phúc</p>
    </div>
    <p class="nd30-date">{{DATE_LINE}}</p>
  </div>
  <h2 id="register-title" class="sheet-title">{{SHEET_TITLE}}</h2>
  <p class="sheet-code">{{UNIT_LINE}}</p>
  <p class="sheet-period">{{PERIOD_LINE}} · {{COUNT}} hồ sơ</p>
  {{#EMPTY}}<p class="sheet-note">{{EMPTY_TEXT}}</p>{{/EMPTY}}
  {{#TABLE}}<div class="table-wrap" role="region" aria-labelledby="{{CAPTION_ID}}" tabindex="0">
    <table class="sheet-table register-table">
      <caption id="{{CAPTION_ID}}" class="visually-hidden">{{CAPTION}}</caption>
      <thead><tr>{{#TH}}<th scope="col">{{CELL}}</th>{{/TH}}</tr></thead>
      <tbody>{{#TR}}<tr>{{#TD}}<td{{#HAS_LABEL}} data-label="{{LABEL}}"{{/HAS_LABEL}}>{{#LINK}}<a href="{{HREF}}">{{CELL}}</a>{{/LINK}}{{#PLAIN}}{{CELL}}{{/PLAIN}}</td>{{/TD}}</tr>{{/TR}}</tbody>
    </table>
  </div>{{/TABLE}}
</section>{{/SHEET}}
