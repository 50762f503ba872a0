{{%AUTOESCAPE context="HTML"}}<section class="panel narrow lookup">
  <h1>Tra cứu hồ sơ</h1>
  <p class="lead">Xem hồ sơ thủ tục hành chính của ông/bà đang ở bước nào và ngày hẹn trả kết quả. Không cần đăng nhập.</p>
  {{#FOUND}}
  <h2 id="dossier-heading">Hồ sơ <span class="code-text">{{CODE}}</span></h2>
  <p class="status-line status-{{STATUS_CLASS}}" id="dossier-status"><strong>{{STATUS}}</strong></p>
  {{#OVERDUE}}<p class="alert" id="dossier-overdue">{{OVERDUE_TEXT}}</p>{{/OVERDUE}}
  {{#PAUSED}}<p class="hint">{{PAUSED_TEXT}}</p>{{/PAUSED}}
  {{#HAS_APOLOGY}}<div class="notice" id="dossier-apology"><p>{{APOLOGY_TEXT}}</p>{{#HAS_APOLOGY_REASON}}<p>{{APOLOGY_REASON}}</p>{{/HAS_APOLOGY_REASON}}</div>{{/HAS_APOLOGY}}
  <dl class="summary">
    <div><dt>Thủ tục</dt><dd>{{PROCEDURE}}</dd></div>
    <div><dt>Nơi tiếp nhận</dt><dd>{{UNIT}}</dd></div>
    <div><dt>Ngày tiếp nhận</dt><dd>{{RECEIVED}}</dd></div>
    <div><dt>Ngày hẹn trả kết quả</dt><dd id="dossier-due">{{DUE}}</dd></div>
    <div><dt>Người nộp</dt><dd id="applicant-name">{{APPLICANT}}</dd></div>
    {{#HAS_PHONE}}<div><dt>Số điện thoại</dt><dd id="applicant-phone">{{PHONE}}</dd></div>{{/HAS_PHONE}}
  </dl>
  {{#CAN_EVALUATE}}<p><a class="button secondary" id="evaluate-link" href="{{EVALUATE_URL}}">Đánh giá việc giải quyết hồ sơ</a></p>{{/CAN_EVALUATE}}
  <h3 id="timeline-heading">Quá trình giải quyết</h3>
  <ol class="timeline" aria-labelledby="timeline-heading">{{#STEP}}
    <li><span class="when">{{AT}}</span> <span class="what">{{TEXT}}</span></li>{{/STEP}}
  </ol>
  {{/FOUND}}
  {{#NOT_FOUND}}
  <div class="alert" id="not-found">
    <h2>Không tìm thấy hồ sơ</h2>
    <p>Không có hồ sơ nào mang mã <span class="code-text">{{ASKED}}</span>. Hãy kiểm tra lại mã in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả: gồm mã cơ quan, ngày nhận (năm, tháng, ngày, mỗi phần 2 chữ số) và số thứ tự, ngăn cách bằng dấu gạch ngang, ví dụ 000.00.01.H22-260317-0042.</p>
  </div>
  {{/NOT_FOUND}}
  <form method="get" action="/tra-cuu" novalidate>
    <div class="field{{#MA_INVALID}} field-invalid{{/MA_INVALID}}">
      <label for="ma">Mã hồ sơ</label>
      <p class="hint" id="ma-hint">In trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả, ví dụ 000.00.01.H22-260317-0042.</p>
      {{#MA_INVALID}}<p class="field-error" id="ma-error"><span class="visually-hidden">Lỗi: </span>{{MA_ERROR}}</p>{{/MA_INVALID}}
      <input id="ma" name="ma" maxlength="80" autocomplete="off" autocapitalize="characters" spellcheck="false" value="{{MA}}" aria-describedby="ma-hint{{#MA_INVALID}} ma-error{{/MA_INVALID}}"{{#MA_INVALID}} aria-invalid="true"{{/MA_INVALID}}>
    </div>
    <div class="field{{#SO_INVALID}} field-invalid{{/SO_INVALID}}">
      <label for="so">4 số cuối điện thoại hoặc CCCD (không bắt buộc)</label>
      <p class="hint" id="so-hint">Của người nộp hồ sơ, để xem đầy đủ họ tên và lý do nếu hồ sơ cần bổ sung, ví dụ 5678.</p>
      {{#SO_INVALID}}<p class="field-error" id="so-error"><span class="visually-hidden">Lỗi: </span>{{SO_ERROR}}</p>{{/SO_INVALID}}
      <input class="w5" id="so" name="so" inputmode="numeric" maxlength="4" autocomplete="off" value="{{SO}}" aria-describedby="so-hint{{#SO_INVALID}} so-error{{/SO_INVALID}}"{{#SO_INVALID}} aria-invalid="true"{{/SO_INVALID}}>
    </div>
    <button type="submit">Tra cứu</button>
  </form>
</section>
