{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <h1>{{NAME}}</h1>
  {{#SHEET_READY}}<p class="actions" id="sheet-ready"><a class="button" href="{{SHEET_URL}}">Tải phiếu mời để in (PDF)</a></p>{{/SHEET_READY}}
  <dl class="summary">
    <div><dt>Bộ câu hỏi</dt><dd>{{QUESTIONNAIRE}}</dd></div>
    <div><dt>Thời gian</dt><dd id="campaign-round">{{ROUND_LINE}}</dd></div>
    <div><dt>Số phiếu cần có ở mỗi đơn vị</dt><dd>{{TARGET}}</dd></div>
    <div><dt>Lặp lại</dt><dd>{{#REPEATS}}Có, mỗi 6 tháng{{/REPEATS}}{{#ONCE}}Không{{/ONCE}}</dd></div>
    <div><dt>Tình trạng</dt><dd id="campaign-state">{{STATE}}</dd></div>
  </dl>
  {{#MAY_MANAGE}}<p class="actions" id="campaign-manage"><a class="button secondary" href="{{EDIT_URL}}">Sửa đợt khảo sát</a> <a class="button secondary" href="{{CLOSE_URL}}">Kết thúc sớm</a></p>{{/MAY_MANAGE}}
  <h2 id="progress-heading">Tiến độ theo đơn vị</h2>
  <p class="hint">Số phiếu đã nhận trong đợt hiện tại, gồm cả các đơn vị trực thuộc. Cập nhật ngay khi có câu trả lời.</p>
  <div class="table-wrap" role="region" aria-labelledby="progress-caption" tabindex="0"><table class="stack" id="progress-table">
    <caption id="progress-caption">Số phiếu đã nhận so với số phiếu cần có</caption>
    <thead><tr><th scope="col">Đơn vị</th><th scope="col" class="num">Đã nhận</th><th scope="col" class="num">Cần có</th><th scope="col" class="num">Đạt (%)</th><th scope="col">Mã QR dùng chung</th><th scope="col">Kết quả</th></tr></thead>
    <tbody>{{#UNIT}}<tr><th scope="row">{{NAME}} ({{CODE}})</th><td class="num" data-label="Đã nhận">{{RESPONSES}}</td><td class="num" data-label="Cần có">{{TARGET}}</td><td class="num" data-label="Đạt (%)">{{PERCENT}}</td><td data-label="Mã QR dùng chung"><div class="qr">{{QR:none}}</div><p class="code-text small"><a href="{{LINK_PATH}}">{{LINK}}</a></p><a href="{{POSTER_URL}}">Tải mã QR để in (PDF)<span class="visually-hidden">, {{NAME}}</span></a></td><td data-label="Kết quả"><a href="{{REPORT_URL}}">Xem kết quả<span class="visually-hidden"> của {{NAME}}</span></a></td></tr>{{/UNIT}}</tbody>
  </table></div>
  <h2 id="indexes-heading">Chỉ số hài lòng: {{RESULT_UNIT}}</h2>
  <p>Số phiếu: <strong id="result-responses">{{RESPONSES}}</strong>. Chỉ số của một yếu tố là tỷ lệ câu trả lời “hài lòng” và “rất hài lòng”; có ít hơn {{MINIMUM}} câu trả lời thì được đánh dấu.</p>
  <div class="table-wrap" role="region" aria-labelledby="indexes-caption" tabindex="0"><table class="stack" id="indexes-table">
    <caption id="indexes-caption">Chỉ số hài lòng từng yếu tố, khoảng tin cậy 95%</caption>
    <thead><tr><th scope="col">Yếu tố</th><th scope="col" class="num">Số câu trả lời</th><th scope="col" class="num">Chỉ số (%)</th><th scope="col" class="num">Khoảng tin cậy 95%</th><th scope="col">Ghi chú</th></tr></thead>
    <tbody>{{#ELEMENT}}<tr><th scope="row">{{NAME}}</th><td class="num" data-label="Số câu trả lời">{{ANSWERS}}</td><td class="num" data-label="Chỉ số (%)">{{INDEX}}</td><td class="num" data-label="Khoảng tin cậy 95%">{{INTERVAL}}</td><td data-label="Ghi chú">{{#TOO_FEW}}{{MARK}}{{/TOO_FEW}}</td></tr>{{/ELEMENT}}</tbody>
    <tfoot><tr><th scope="row">Chỉ số hài lòng chung</th><td class="num" data-label="Số phiếu">{{RESPONSES}}</td><td class="num" data-label="Chỉ số (%)" id="sipas-index">{{SIPAS}}</td><td></td><td></td></tr></tfoot>
  </table></div>
  <p class="actions"><a class="button secondary" href="{{REPORT_URL}}">Xem báo cáo chi tiết</a></p>
  {{#MAY_PRINT}}
  <h2 id="invitations">In phiếu mời</h2>
  <p>Mỗi phiếu mời có một mã QR và đường dẫn riêng, chỉ trả lời được một lần trong mỗi đợt. In theo đơn vị (số phiếu tùy chọn) hoặc mỗi cán bộ một phiếu để trao cho người dân.</p>
  <form method="post" action="{{INVITE_ACTION}}" novalidate>
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field{{#UNIT_INVALID}} field-invalid{{/UNIT_INVALID}}">
      <label for="unit">Đơn vị</label>
      {{#UNIT_INVALID}}<p class="field-error" id="unit-error"><span class="visually-hidden">Lỗi: </span>{{UNIT_ERROR}}</p>{{/UNIT_INVALID}}
      <select id="unit" name="unit"{{#UNIT_INVALID}} aria-describedby="unit-error" aria-invalid="true"{{/UNIT_INVALID}}>{{#UNIT_OPTION}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}} ({{CODE}})</option>{{/UNIT_OPTION}}</select>
    </div>
    <fieldset class="field" id="per">
      <legend>In theo</legend>
      <label class="check" for="per-unit"><input type="radio" id="per-unit" name="per" value="unit"{{#PER_UNIT}} checked{{/PER_UNIT}}> Đơn vị: số phiếu ghi bên dưới</label>
      <label class="check" for="per-official"><input type="radio" id="per-official" name="per" value="official"{{#PER_OFFICIAL}} checked{{/PER_OFFICIAL}}> Cán bộ: mỗi cán bộ của đơn vị một phiếu, ghi tên cán bộ</label>
    </fieldset>
    <div class="field{{#COUNT_INVALID}} field-invalid{{/COUNT_INVALID}}">
      <label for="count">Số phiếu (khi in theo đơn vị)</label>
      <p class="hint" id="count-hint">Từ 1 đến 500 phiếu mỗi lần, 12 phiếu một trang A4.</p>
      {{#COUNT_INVALID}}<p class="field-error" id="count-error"><span class="visually-hidden">Lỗi: </span>{{COUNT_ERROR}}</p>{{/COUNT_INVALID}}
      <input class="w5" id="count" name="count" inputmode="numeric" maxlength="4" value="{{COUNT}}" aria-describedby="count-hint{{#COUNT_INVALID}} count-error{{/COUNT_INVALID}}"{{#COUNT_INVALID}} aria-invalid="true"{{/COUNT_INVALID}}>
    </div>
    <button type="submit">Tạo phiếu mời</button>
  </form>
  {{#HAS_BATCHES}}<div class="table-wrap" role="region" aria-labelledby="batches-caption" tabindex="0"><table class="stack" id="batches-table">
    <caption id="batches-caption">Phiếu mời đã tạo</caption>
    <thead><tr><th scope="col">Thời điểm</th><th scope="col">Đơn vị</th><th scope="col">In theo</th><th scope="col" class="num">Số phiếu</th><th scope="col">Tải về</th></tr></thead>
    <tbody>{{#BATCH}}<tr><th scope="row"><a href="{{PAGE_URL}}">{{AT}}</a></th><td data-label="Đơn vị">{{UNIT}}</td><td data-label="In theo">{{#BY_UNIT}}Đơn vị{{/BY_UNIT}}{{#BY_OFFICIAL}}Cán bộ{{/BY_OFFICIAL}}</td><td class="num" data-label="Số phiếu">{{COUNT}}</td><td data-label="Tải về"><a href="{{PDF_URL}}">Tệp PDF<span class="visually-hidden"> phiếu mời lúc {{AT}}</span></a></td></tr>{{/BATCH}}</tbody>
  </table></div>{{/HAS_BATCHES}}
  {{/MAY_PRINT}}
</section>
