{{%AUTOESCAPE context="HTML"}}<section class="panel dossier">
  <p class="back"><a href="/desk/dossiers">← Danh sách hồ sơ</a></p>
  <h1>Hồ sơ <span class="dossier-code">{{CODE}}</span></h1>
  <p class="lead"><span id="state">{{STATE}}</span>{{#LATE}} <span class="badge badge-late">Quá hạn</span>{{/LATE}}{{#DUE_SOON}} <span class="badge badge-soon">Sắp đến hạn</span>{{/DUE_SOON}} · {{APPLICANT}} · {{PROCEDURE}}</p>
  {{#JUST_RECEIVED}}<div class="callout" id="print-receipt">
    <p>Hãy in giấy tiếp nhận hồ sơ và hẹn trả kết quả, ký và giao cho người nộp.</p>
    <p class="actions"><a class="button" href="{{URL}}/forms/01">In giấy tiếp nhận (mẫu 01)</a> <a class="button secondary" href="{{URL}}/forms/01.pdf">Tải bản PDF</a></p>
  </div>{{/JUST_RECEIVED}}

  <h2 id="actions-heading">Thao tác</h2>
  {{#HAS_ACTIONS}}<ul class="action-list" aria-labelledby="actions-heading">{{#ACTION}}<li><a class="button {{STYLE}}" href="{{URL}}">{{LABEL}}</a></li>{{/ACTION}}</ul>{{/HAS_ACTIONS}}
  {{#NO_ACTIONS}}<p id="no-actions">Hồ sơ ở trạng thái này không còn thao tác nào bạn có thể thực hiện.</p>{{/NO_ACTIONS}}

  <h2>Thông tin hồ sơ</h2>
  <dl class="summary">
    <div><dt>Mã hồ sơ</dt><dd>{{CODE}}</dd></div>
    <div><dt>Thủ tục</dt><dd>{{PROCEDURE}} <small>mã {{PROCEDURE_CODE}}, phiên bản {{PROCEDURE_VERSION}}</small></dd></div>
    <div><dt>Người nộp</dt><dd><span class="line">{{APPLICANT}}</span>
      {{#HAS_ID_NUMBER}}<span class="line">Số định danh: {{ID_NUMBER}}</span>{{/HAS_ID_NUMBER}}
      {{#HAS_PHONE}}<span class="line">Điện thoại: <a href="tel:{{PHONE}}">{{PHONE}}</a></span>{{/HAS_PHONE}}
      {{#HAS_EMAIL}}<span class="line">Thư điện tử: {{EMAIL}}</span>{{/HAS_EMAIL}}
      {{#HAS_ADDRESS}}<span class="line">Địa chỉ: {{ADDRESS}}</span>{{/HAS_ADDRESS}}</dd></div>
    {{#HAS_SUMMARY}}<div><dt>Nội dung yêu cầu</dt><dd class="pre">{{SUMMARY}}</dd></div>{{/HAS_SUMMARY}}
    <div><dt>Giấy tờ đã nộp</dt><dd>{{#NO_DOCUMENTS}}Không ghi nhận giấy tờ nào.{{/NO_DOCUMENTS}}{{#DOCUMENT}}<span class="line">{{NAME}} ({{KIND}}, {{COUNT}} bản)</span>{{/DOCUMENT}}</dd></div>
    <div><dt>Tiếp nhận</dt><dd>{{RECEIVED}}, {{RECEIVED_BY}}</dd></div>
    <div><dt>Bắt đầu tính thời hạn</dt><dd>{{STARTS}}</dd></div>
    <div><dt>Hẹn trả kết quả</dt><dd><span class="line" id="due">{{DUE}}</span>{{#MOVED}}<span class="line">Hẹn ban đầu: {{ORIGINAL_DUE}} (đã xin lỗi và hẹn lại)</span>{{/MOVED}}</dd></div>
    <div><dt>Hạn gửi văn bản xin lỗi</dt><dd>{{WARNING}} <small>(01 ngày làm việc trước hạn)</small></dd></div>
    <div><dt>Giải quyết trong ngày</dt><dd>{{SAME_DAY}}</dd></div>
    <div><dt>Hình thức nhận kết quả</dt><dd>{{RETURN_METHOD}}</dd></div>
    <div><dt>Trạng thái</dt><dd>{{STATE}}</dd></div>
    <div><dt>Người đang xử lý</dt><dd id="assignee">{{ASSIGNEE}}</dd></div>
    <div><dt>Tạm dừng tính thời hạn</dt>{{#PAUSED}}<dd>Từ {{PAUSED_SINCE}} (chờ bổ sung hoặc thực hiện nghĩa vụ tài chính)</dd>{{/PAUSED}}{{#NOT_PAUSED}}<dd>Không</dd>{{/NOT_PAUSED}}</div>
    {{#HAS_COMPLETED}}<div><dt>Có kết quả</dt><dd>{{COMPLETED}} — {{TIMELINESS}}</dd></div>{{/HAS_COMPLETED}}
    {{#HAS_REASON}}<div><dt>Lý do</dt><dd class="pre">{{REASON}}</dd></div>{{/HAS_REASON}}
    {{#HAS_RETURNED_TO}}<div><dt>Người nhận kết quả</dt><dd>{{RETURNED_TO}}</dd></div>{{/HAS_RETURNED_TO}}
    {{#HAS_CLOSED}}<div><dt>Kết thúc</dt><dd>{{CLOSED}}</dd></div>{{/HAS_CLOSED}}
  </dl>

  <h2 id="forms-heading">Giấy tờ in</h2>
  <ul class="links forms" aria-labelledby="forms-heading">{{#FORM}}<li><a href="{{URL}}">Mẫu {{NUMBER}}: {{NAME}}</a> <a href="{{URL}}.pdf">Bản PDF<span class="visually-hidden"> mẫu {{NUMBER}}</span></a></li>{{/FORM}}</ul>

  <p><a href="/desk/dossiers/{{CODE:u}}/evaluation" id="evaluation-link">Đánh giá hồ sơ theo 9 tiêu chí</a></p>
  {{#INVITE_RATING}}<p><a href="/desk/ratings/invite?dossier={{CODE:u}}" id="invite-rating-link">Mời người dân đánh giá trên máy tính bảng</a></p>{{/INVITE_RATING}}

  {{#APOLOGY}}<h2 id="apology-heading">Văn bản xin lỗi và hẹn lại ngày trả kết quả</h2>
  <dl class="summary" aria-labelledby="apology-heading">
    <div><dt>Lý do chậm</dt><dd class="pre">{{REASON}}</dd></div>
    <div><dt>Hẹn trước đó</dt><dd>{{PREVIOUS_DUE}}</dd></div>
    <div><dt>Hẹn mới</dt><dd>{{NEW_DUE}}</dd></div>
    <div><dt>Người lập</dt><dd>{{BY}}, {{AT}}</dd></div>
    {{#HAS_OVERRIDE}}<div><dt>Lý do lập sau thời hạn</dt><dd class="pre">{{OVERRIDE}}</dd></div>{{/HAS_OVERRIDE}}
  </dl>{{/APOLOGY}}

  <h2 id="history-heading">Quá trình xử lý</h2>
  <div class="table-wrap" role="region" aria-labelledby="history-caption" tabindex="0"><table class="stack" id="history">
    <caption id="history-caption" class="visually-hidden">Quá trình xử lý hồ sơ</caption>
    <thead><tr><th scope="col">Thời gian</th><th scope="col">Người thực hiện</th><th scope="col">Việc</th><th scope="col">Trạng thái sau đó</th><th scope="col">Ghi chú</th></tr></thead>
    <tbody>{{#ENTRY}}<tr><td>{{AT}}</td><td data-label="Người thực hiện">{{WHO}}</td><td data-label="Việc">{{WHAT}}</td><td data-label="Trạng thái sau đó">{{TO}}</td><td data-label="Ghi chú" class="pre">{{NOTE}}</td></tr>{{/ENTRY}}</tbody>
  </table></div>

  {{#HAS_MESSAGES}}<h2 id="messages-heading">Tin nhắn báo cho người nộp</h2>
  <div class="table-wrap" role="region" aria-labelledby="messages-caption" tabindex="0"><table class="stack" id="messages">
    <caption id="messages-caption" class="visually-hidden">Tin nhắn báo cho người nộp và kết quả gửi</caption>
    <thead><tr><th scope="col">Lúc tạo</th><th scope="col">Nội dung</th><th scope="col">Trạng thái</th><th scope="col">Kênh</th><th scope="col">Gửi lúc</th><th scope="col">Lỗi gần nhất</th></tr></thead>
    <tbody>{{#MESSAGE}}<tr><td>{{AT}}</td><td data-label="Nội dung">{{EVENT}}</td><td data-label="Trạng thái">{{STATUS}}</td><td data-label="Kênh">{{CHANNEL}}</td><td data-label="Gửi lúc">{{SENT}}</td><td data-label="Lỗi gần nhất">{{ERROR}}</td></tr>{{/MESSAGE}}</tbody>
  </table></div>{{/HAS_MESSAGES}}

  <h2 id="handovers-heading">Phiếu kiểm soát quá trình giải quyết (mẫu 06)</h2>
  <div class="table-wrap" role="region" aria-labelledby="handovers-caption" tabindex="0"><table class="stack" id="handovers">
    <caption id="handovers-caption" class="visually-hidden">Các lần giao, nhận hồ sơ</caption>
    <thead><tr><th scope="col">Bước</th><th scope="col">Người giao</th><th scope="col">Người nhận</th><th scope="col">Giao, nhận lúc</th><th scope="col">Thời gian cho phép</th><th scope="col">Hạn của bước</th><th scope="col">Hoàn thành</th><th scope="col">Kết quả</th></tr></thead>
    <tbody>{{#HANDOVER}}<tr><td>{{STEP}}. {{STEP_NAME}}</td><td data-label="Người giao">{{FROM}}</td><td data-label="Người nhận">{{TO}}</td><td data-label="Giao, nhận lúc">{{GIVEN}}</td><td data-label="Thời gian cho phép">{{BUDGET}}</td><td data-label="Hạn của bước">{{DUE}}</td><td data-label="Hoàn thành">{{FINISHED}}</td><td data-label="Kết quả">{{RESULT}}</td></tr>{{/HANDOVER}}</tbody>
  </table></div>
</section>
