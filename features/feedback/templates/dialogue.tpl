{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p><a href="/feedback/doi-thoai">Các buổi đối thoại</a></p>
  <h1 id="session-title">{{TITLE}}</h1>
  <p class="status-line" id="session-state"><strong>{{STATE}}</strong></p>
  <dl class="summary">
    <div><dt>Đơn vị tổ chức</dt><dd>{{UNIT}}</dd></div>
    <div><dt>Thời gian</dt><dd id="session-when">{{TIME}} ngày {{DAY}}</dd></div>
    <div><dt>Địa điểm</dt><dd>{{PLACE}}</dd></div>
    <div><dt>Người chủ trì</dt><dd class="pre">{{HOSTS}}</dd></div>
    {{#HAS_INVITED}}<div><dt>Thành phần mời</dt><dd class="pre">{{INVITED}}</dd></div>{{/HAS_INVITED}}
    {{#HELD}}<div><dt>Số người dự</dt><dd id="session-attendees">{{ATTENDEES}}</dd></div>
    {{#HAS_ATTENDANCE}}<div><dt>Thành phần dự</dt><dd class="pre">{{ATTENDANCE}}</dd></div>{{/HAS_ATTENDANCE}}
    <div><dt>Kết luận</dt><dd class="pre" id="session-summary">{{SUMMARY}}</dd></div>{{/HELD}}
  </dl>
  <p class="actions"><a class="button secondary" id="minutes-link" href="{{MINUTES_URL}}" download>Tải biên bản (PDF)</a></p>

  <h2 id="raised-heading">Ý kiến nêu tại buổi đối thoại</h2>
  {{#NO_RAISED}}<p id="no-raised">Chưa ghi ý kiến nào.</p>{{/NO_RAISED}}
  {{#HAS_RAISED}}<div class="table-wrap" role="region" aria-labelledby="raised-heading" tabindex="0">
  <table class="stack" id="raised">
    <thead><tr><th scope="col">Mã</th><th scope="col">Ý kiến</th><th scope="col">Tình trạng</th><th scope="col">Hạn trả lời</th></tr></thead>
    <tbody>{{#RAISED}}<tr><td data-label="Mã">{{#LINKED}}<a href="{{URL}}">{{CODE}}</a>{{/LINKED}}{{#NOT_LINKED}}{{CODE}}{{/NOT_LINKED}}</td><th scope="row" data-label="Ý kiến">{{ITEM_TITLE}}</th><td data-label="Tình trạng">{{ITEM_STATE}}</td><td data-label="Hạn trả lời">{{DUE}}</td></tr>{{/RAISED}}</tbody>
  </table>
  </div>{{/HAS_RAISED}}

  {{#HAS_PREVIOUS}}<h2 id="previous-heading">Theo dõi ý kiến buổi trước</h2>
  <p>Buổi <a href="{{PREVIOUS_URL}}">{{PREVIOUS_TITLE}}</a> ngày {{PREVIOUS_DAY}}: {{PREVIOUS_DONE}} trên {{PREVIOUS_COUNT}} ý kiến đã được trả lời.</p>
  {{#HAS_PREVIOUS_RAISED}}<div class="table-wrap" role="region" aria-labelledby="previous-heading" tabindex="0">
  <table class="stack" id="previous">
    <thead><tr><th scope="col">Mã</th><th scope="col">Ý kiến</th><th scope="col">Tình trạng</th></tr></thead>
    <tbody>{{#PREVIOUS_RAISED}}<tr><td data-label="Mã">{{#LINKED}}<a href="{{URL}}">{{CODE}}</a>{{/LINKED}}{{#NOT_LINKED}}{{CODE}}{{/NOT_LINKED}}</td><th scope="row" data-label="Ý kiến">{{ITEM_TITLE}}</th><td data-label="Tình trạng">{{ITEM_STATE}}</td></tr>{{/PREVIOUS_RAISED}}</tbody>
  </table>
  </div>{{/HAS_PREVIOUS_RAISED}}{{/HAS_PREVIOUS}}

  <h2 id="raise-heading">Ghi ý kiến của người dân</h2>
  <form method="post" action="{{RAISE_URL}}" novalidate aria-labelledby="raise-heading">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field{{#FEEDBACK_KIND_INVALID}} field-invalid{{/FEEDBACK_KIND_INVALID}}">
      <label for="feedback_kind">Loại</label>
      {{#FEEDBACK_KIND_INVALID}}<p class="field-error" id="feedback_kind-error"><span class="visually-hidden">Lỗi: </span>{{FEEDBACK_KIND_ERROR}}</p>{{/FEEDBACK_KIND_INVALID}}
      <select id="feedback_kind" name="feedback_kind"{{#FEEDBACK_KIND_INVALID}} aria-describedby="feedback_kind-error" aria-invalid="true"{{/FEEDBACK_KIND_INVALID}}>{{#KIND}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/KIND}}</select>
    </div>
    <div class="field{{#CATEGORY_INVALID}} field-invalid{{/CATEGORY_INVALID}}">
      <label for="category">Lĩnh vực</label>
      {{#CATEGORY_INVALID}}<p class="field-error" id="category-error"><span class="visually-hidden">Lỗi: </span>{{CATEGORY_ERROR}}</p>{{/CATEGORY_INVALID}}
      <select id="category" name="category"{{#CATEGORY_INVALID}} aria-describedby="category-error" aria-invalid="true"{{/CATEGORY_INVALID}}>{{#CATEGORY}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/CATEGORY}}</select>
    </div>
    <div class="field{{#FEEDBACK_TITLE_INVALID}} field-invalid{{/FEEDBACK_TITLE_INVALID}}">
      <label for="feedback_title">Tóm tắt ý kiến</label>
      {{#FEEDBACK_TITLE_INVALID}}<p class="field-error" id="feedback_title-error"><span class="visually-hidden">Lỗi: </span>{{FEEDBACK_TITLE_ERROR}}</p>{{/FEEDBACK_TITLE_INVALID}}
      <input id="feedback_title" name="feedback_title" maxlength="200" value="{{FEEDBACK_TITLE}}"{{#FEEDBACK_TITLE_INVALID}} aria-describedby="feedback_title-error" aria-invalid="true"{{/FEEDBACK_TITLE_INVALID}}>
    </div>
    <div class="field{{#CONTENT_INVALID}} field-invalid{{/CONTENT_INVALID}}">
      <label for="content">Nội dung</label>
      {{#CONTENT_INVALID}}<p class="field-error" id="content-error"><span class="visually-hidden">Lỗi: </span>{{CONTENT_ERROR}}</p>{{/CONTENT_INVALID}}
      <textarea id="content" name="content" rows="4" maxlength="5000"{{#CONTENT_INVALID}} aria-describedby="content-error" aria-invalid="true"{{/CONTENT_INVALID}}>{{CONTENT}}</textarea>
    </div>
    <div class="field{{#NAME_INVALID}} field-invalid{{/NAME_INVALID}}">
      <label for="name">Người nêu ý kiến (không bắt buộc)</label>
      {{#NAME_INVALID}}<p class="field-error" id="name-error"><span class="visually-hidden">Lỗi: </span>{{NAME_ERROR}}</p>{{/NAME_INVALID}}
      <input id="name" name="name" maxlength="100" value="{{NAME}}"{{#NAME_INVALID}} aria-describedby="name-error" aria-invalid="true"{{/NAME_INVALID}}>
    </div>
    <div class="field{{#PHONE_INVALID}} field-invalid{{/PHONE_INVALID}}">
      <label for="phone">Số điện thoại để trả lời (không bắt buộc)</label>
      {{#PHONE_INVALID}}<p class="field-error" id="phone-error"><span class="visually-hidden">Lỗi: </span>{{PHONE_ERROR}}</p>{{/PHONE_INVALID}}
      <input id="phone" name="phone" type="tel" maxlength="20" value="{{PHONE}}"{{#PHONE_INVALID}} aria-describedby="phone-error" aria-invalid="true"{{/PHONE_INVALID}}>
    </div>
    <button type="submit">Ghi ý kiến</button>
  </form>

  <h2 id="record-heading">{{#HELD}}Sửa kết quả buổi đối thoại{{/HELD}}{{#PLANNED}}Ghi kết quả buổi đối thoại{{/PLANNED}}</h2>
  {{#NOT_YET}}<p id="not-yet">Ghi kết quả từ ngày {{DAY}}, khi buổi đối thoại đã diễn ra.</p>{{/NOT_YET}}
  {{#CAN_RECORD}}<form method="post" action="{{RECORD_URL}}" novalidate aria-labelledby="record-heading">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="version" value="{{VERSION}}">
    <div class="field{{#ATTENDEES_INVALID}} field-invalid{{/ATTENDEES_INVALID}}">
      <label for="attendees">Số người dự</label>
      {{#ATTENDEES_INVALID}}<p class="field-error" id="attendees-error"><span class="visually-hidden">Lỗi: </span>{{ATTENDEES_ERROR}}</p>{{/ATTENDEES_INVALID}}
      <input class="w10" id="attendees" name="attendees" inputmode="numeric" maxlength="6" value="{{ATTENDEES_VALUE}}"{{#ATTENDEES_INVALID}} aria-describedby="attendees-error" aria-invalid="true"{{/ATTENDEES_INVALID}}>
    </div>
    <div class="field{{#ATTENDANCE_INVALID}} field-invalid{{/ATTENDANCE_INVALID}}">
      <label for="attendance">Thành phần dự (không bắt buộc)</label>
      {{#ATTENDANCE_INVALID}}<p class="field-error" id="attendance-error"><span class="visually-hidden">Lỗi: </span>{{ATTENDANCE_ERROR}}</p>{{/ATTENDANCE_INVALID}}
      <textarea id="attendance" name="attendance" rows="3" maxlength="2000"{{#ATTENDANCE_INVALID}} aria-describedby="attendance-error" aria-invalid="true"{{/ATTENDANCE_INVALID}}>{{ATTENDANCE_VALUE}}</textarea>
    </div>
    <div class="field{{#CONCLUSIONS_INVALID}} field-invalid{{/CONCLUSIONS_INVALID}}">
      <label for="conclusions">Kết luận của người chủ trì</label>
      {{#CONCLUSIONS_INVALID}}<p class="field-error" id="conclusions-error"><span class="visually-hidden">Lỗi: </span>{{CONCLUSIONS_ERROR}}</p>{{/CONCLUSIONS_INVALID}}
      <textarea id="conclusions" name="conclusions" rows="5" maxlength="2000"{{#CONCLUSIONS_INVALID}} aria-describedby="conclusions-error" aria-invalid="true"{{/CONCLUSIONS_INVALID}}>{{SUMMARY_VALUE}}</textarea>
    </div>
    <button type="submit">Lưu kết quả</button>
  </form>{{/CAN_RECORD}}
</section>
