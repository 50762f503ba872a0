{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <h1>Kết quả khảo sát</h1>
  <p class="lead"><a href="{{CAMPAIGN_URL}}">{{NAME}}</a>. Số liệu của đơn vị và các đơn vị trực thuộc, được cộng ngay khi có câu trả lời.</p>
  <form method="get" action="{{ACTION}}" class="stats-filters" novalidate>
    <div class="field{{#UNIT_INVALID}} field-invalid{{/UNIT_INVALID}}">
      <label for="unit">Mã đơn vị</label>
      <p class="hint" id="unit-hint">Để trống: đơn vị đầu tiên của đợt mà ông/bà phụ trách.</p>
      {{#UNIT_INVALID}}<p class="field-error" id="unit-error"><span class="visually-hidden">Lỗi: </span>{{UNIT_ERROR}}</p>{{/UNIT_INVALID}}
      <input id="unit" name="unit" maxlength="40" value="{{UNIT}}" aria-describedby="unit-hint{{#UNIT_INVALID}} unit-error{{/UNIT_INVALID}}"{{#UNIT_INVALID}} aria-invalid="true"{{/UNIT_INVALID}}>
    </div>
    <div class="field{{#ROUND_INVALID}} field-invalid{{/ROUND_INVALID}}">
      <label for="round">Đợt</label>
      <p class="hint" id="round-hint">Số thứ tự đợt, 1 là đợt đầu tiên. Để trống: đợt hiện tại.</p>
      {{#ROUND_INVALID}}<p class="field-error" id="round-error"><span class="visually-hidden">Lỗi: </span>{{ROUND_ERROR}}</p>{{/ROUND_INVALID}}
      <input class="w5" id="round" name="round" inputmode="numeric" maxlength="3" value="{{ROUND}}" aria-describedby="round-hint{{#ROUND_INVALID}} round-error{{/ROUND_INVALID}}"{{#ROUND_INVALID}} aria-invalid="true"{{/ROUND_INVALID}}>
    </div>
    <div class="field{{#MINIMUM_INVALID}} field-invalid{{/MINIMUM_INVALID}}">
      <label for="minimum">Số câu trả lời tối thiểu</label>
      <p class="hint" id="minimum-hint">Tỷ lệ có ít câu trả lời hơn số này được đánh dấu “quá ít câu trả lời”. Để trống: 30.</p>
      {{#MINIMUM_INVALID}}<p class="field-error" id="minimum-error"><span class="visually-hidden">Lỗi: </span>{{MINIMUM_ERROR}}</p>{{/MINIMUM_INVALID}}
      <input class="w5" id="minimum" name="minimum" inputmode="numeric" maxlength="6" value="{{MINIMUM}}" aria-describedby="minimum-hint{{#MINIMUM_INVALID}} minimum-error{{/MINIMUM_INVALID}}"{{#MINIMUM_INVALID}} aria-invalid="true"{{/MINIMUM_INVALID}}>
    </div>
    <div class="field{{#BY_INVALID}} field-invalid{{/BY_INVALID}}">
      <label for="by">Theo</label>
      <p class="hint" id="by-hint">Đơn vị: số liệu chung của đơn vị. Cán bộ: chỉ các phiếu trả lời qua phiếu mời in theo từng cán bộ, mỗi cán bộ một dòng.</p>
      {{#BY_INVALID}}<p class="field-error" id="by-error"><span class="visually-hidden">Lỗi: </span>{{BY_ERROR}}</p>{{/BY_INVALID}}
      <select id="by" name="by" aria-describedby="by-hint{{#BY_INVALID}} by-error{{/BY_INVALID}}"{{#BY_INVALID}} aria-invalid="true"{{/BY_INVALID}}><option value="unit"{{#BY_UNIT}} selected{{/BY_UNIT}}>Đơn vị</option><option value="official"{{#BY_OFFICIAL}} selected{{/BY_OFFICIAL}}>Cán bộ</option></select>
    </div>
    <button type="submit">Xem kết quả</button>
  </form>
  {{#OFFICIAL_RESULT}}
  <h2 id="report-heading">{{UNIT_NAME}}: theo cán bộ</h2>
  <p>{{ROUND_LINE}}. Số phiếu trả lời qua phiếu mời in theo cán bộ: <strong id="report-responses">{{RESPONSES}}</strong>. Phiếu qua mã QR dùng chung hoặc phiếu mời in theo đơn vị không gắn với cán bộ nào nên không có ở đây.</p>
  {{#NO_GROUPS}}<p id="officials-empty">Chưa có phiếu mời in theo cán bộ nào của đơn vị được trả lời trong đợt này.</p>{{/NO_GROUPS}}
  {{#HAS_GROUPS}}<div class="table-wrap" role="region" aria-labelledby="officials-caption" tabindex="0"><table class="stack" id="officials-table">
    <caption id="officials-caption">Chỉ số hài lòng theo cán bộ (tỷ lệ hài lòng và rất hài lòng, khoảng tin cậy 95%)</caption>
    <thead><tr><th scope="col">Cán bộ</th><th scope="col" class="num">Số phiếu</th>{{#ELEMENT_HEAD}}<th scope="col" class="num">{{NAME}} (%)</th>{{/ELEMENT_HEAD}}<th scope="col" class="num">Chỉ số chung (%)</th></tr></thead>
    <tbody>{{#GROUP}}<tr><th scope="row">{{LABEL}}</th><td class="num" data-label="Số phiếu">{{RESPONSES}}</td>{{#CELL}}<td class="num" data-label="{{NAME}} (%)">{{INDEX}}<br><span class="small">{{INTERVAL}}</span>{{#TOO_FEW}}<br><span class="small">{{MARK}}</span>{{/TOO_FEW}}</td>{{/CELL}}<td class="num" data-label="Chỉ số chung (%)">{{SIPAS}}</td></tr>{{/GROUP}}</tbody>
  </table></div>{{/HAS_GROUPS}}
  <p class="actions"><a class="button secondary" href="{{XLSX_URL}}" download>Tải bảng số liệu (tệp Excel)</a> <a class="button secondary" href="{{CSV_URL}}" download>Tải tệp CSV</a></p>
  {{/OFFICIAL_RESULT}}
  {{#RESULT}}
  <h2 id="report-heading">{{UNIT_NAME}}</h2>
  <p>{{ROUND_LINE}}. Số phiếu: <strong id="report-responses">{{RESPONSES}}</strong>.</p>
  <figure class="chart-figure">{{CHART:none}}</figure>
  <div class="table-wrap" role="region" aria-labelledby="indexes-caption" tabindex="0"><table class="stack" id="indexes-table">
    <caption id="indexes-caption">Chỉ số hài lòng từng yếu tố (tỷ lệ hài lòng và rất hài lòng), khoảng tin cậy 95%</caption>
    <thead><tr><th scope="col">Yếu tố</th><th scope="col" class="num">Số câu trả lời</th><th scope="col" class="num">Chỉ số (%)</th><th scope="col" class="num">Khoảng tin cậy 95%</th><th scope="col">Ghi chú</th></tr></thead>
    <tbody>{{#ELEMENT}}<tr><th scope="row">{{NAME}}</th><td class="num" data-label="Số câu trả lời">{{ANSWERS}}</td><td class="num" data-label="Chỉ số (%)">{{INDEX}}</td><td class="num" data-label="Khoảng tin cậy 95%">{{INTERVAL}}</td><td data-label="Ghi chú">{{#TOO_FEW}}{{MARK}}{{/TOO_FEW}}</td></tr>{{/ELEMENT}}</tbody>
    <tfoot><tr><th scope="row">Chỉ số hài lòng chung</th><td class="num" data-label="Số phiếu">{{RESPONSES}}</td><td class="num" data-label="Chỉ số (%)" id="sipas-index">{{SIPAS}}</td><td></td><td></td></tr></tfoot>
  </table></div>
  <h2>Trả lời từng câu hỏi</h2>
  {{#QUESTION}}<div class="table-wrap" role="region" aria-label="{{TEXT}}" tabindex="0"><table class="stack">
    <caption>{{TEXT}} ({{ANSWERED}} người trả lời)</caption>
    {{#HAS_ANSWERS}}<thead><tr><th scope="col">Trả lời</th><th scope="col" class="num">Số lượt</th><th scope="col" class="num">Tỷ lệ (%)</th></tr></thead>{{/HAS_ANSWERS}}
    <tbody>{{#IS_TEXT}}<tr><td>{{TEXT_NOTE}}</td></tr>{{/IS_TEXT}}{{#ANSWER}}<tr><th scope="row">{{LABEL}}</th><td class="num" data-label="Số lượt">{{N}}</td><td class="num" data-label="Tỷ lệ (%)">{{SHARE}}</td></tr>{{/ANSWER}}</tbody>
  </table></div>{{/QUESTION}}
  <p class="actions"><a class="button secondary" href="{{XLSX_URL}}" download>Tải bảng số liệu (tệp Excel)</a> <a class="button secondary" href="{{CSV_URL}}" download>Tải tệp CSV</a></p>
  {{/RESULT}}
</section>
