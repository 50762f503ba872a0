{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <h1>Sổ theo dõi phản ánh, kiến nghị</h1>
  <p class="lead">Phản ánh, kiến nghị, khiếu nại và tố cáo nhận qua mọi kênh, của đơn vị và các đơn vị trực thuộc, với thời hạn theo luật tính bằng ngày làm việc.</p>
  {{#CAN_REGISTER}}<p class="actions"><a class="button" href="/feedback/moi">Ghi nhận góp ý mới</a> <a class="button secondary" href="/feedback/thong-ke">Thống kê</a> <a class="button secondary" href="/feedback/doi-thoai">Đối thoại với người dân</a>{{#CAN_CONNECT}} <a class="button secondary" href="/feedback/kenh">Kênh nhận góp ý</a>{{/CAN_CONNECT}}</p>{{/CAN_REGISTER}}
  <form method="get" action="/feedback" class="stats-filters" novalidate>
    <div class="field{{#UNIT_CODE_INVALID}} field-invalid{{/UNIT_CODE_INVALID}}">
      <label for="unit_code">Đơn vị</label>
      {{#UNIT_CODE_INVALID}}<p class="field-error" id="unit_code-error"><span class="visually-hidden">Lỗi: </span>{{UNIT_CODE_ERROR}}</p>{{/UNIT_CODE_INVALID}}
      <select id="unit_code" name="unit_code"{{#UNIT_CODE_INVALID}} aria-invalid="true" aria-describedby="unit_code-error"{{/UNIT_CODE_INVALID}}><option value="">Tất cả đơn vị của tôi</option>{{#UNIT}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/UNIT}}</select>
    </div>
    <div class="field{{#FEEDBACK_KIND_INVALID}} field-invalid{{/FEEDBACK_KIND_INVALID}}">
      <label for="feedback_kind">Loại</label>
      {{#FEEDBACK_KIND_INVALID}}<p class="field-error" id="feedback_kind-error"><span class="visually-hidden">Lỗi: </span>{{FEEDBACK_KIND_ERROR}}</p>{{/FEEDBACK_KIND_INVALID}}
      <select id="feedback_kind" name="feedback_kind"{{#FEEDBACK_KIND_INVALID}} aria-invalid="true" aria-describedby="feedback_kind-error"{{/FEEDBACK_KIND_INVALID}}><option value="">Tất cả loại</option>{{#KIND}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/KIND}}</select>
    </div>
    <div class="field{{#STATE_INVALID}} field-invalid{{/STATE_INVALID}}">
      <label for="state">Trạng thái</label>
      {{#STATE_INVALID}}<p class="field-error" id="state-error"><span class="visually-hidden">Lỗi: </span>{{STATE_ERROR}}</p>{{/STATE_INVALID}}
      <select id="state" name="state"{{#STATE_INVALID}} aria-invalid="true" aria-describedby="state-error"{{/STATE_INVALID}}><option value="">Tất cả trạng thái</option>{{#STATE}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/STATE}}</select>
    </div>
    <div class="field{{#URGENCY_INVALID}} field-invalid{{/URGENCY_INVALID}}">
      <label for="urgency">Thời hạn</label>
      {{#URGENCY_INVALID}}<p class="field-error" id="urgency-error"><span class="visually-hidden">Lỗi: </span>{{URGENCY_ERROR}}</p>{{/URGENCY_INVALID}}
      <select id="urgency" name="urgency"{{#URGENCY_INVALID}} aria-invalid="true" aria-describedby="urgency-error"{{/URGENCY_INVALID}}><option value="">Tất cả</option>{{#URGENCY}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/URGENCY}}</select>
    </div>
    <button type="submit">Xem</button>
  </form>
  {{#EMPTY}}<p id="feedback-empty">Chưa có góp ý nào phù hợp.</p>{{/EMPTY}}
  {{#HAS_ITEMS}}<div class="table-wrap" role="region" aria-labelledby="feedback-caption" tabindex="0"><table class="stack">
    <caption id="feedback-caption">Các góp ý, mới nhất trước.</caption>
    <thead><tr><th scope="col">Mã</th><th scope="col">Loại</th><th scope="col">Tiêu đề</th><th scope="col">Kênh</th><th scope="col">Đơn vị</th><th scope="col">Trạng thái</th><th scope="col">Hạn trả lời</th></tr></thead>
    <tbody>{{#ITEM}}<tr><td data-label="Mã"><a href="{{URL}}">{{CODE}}</a></td><td data-label="Loại">{{KIND}}</td><td data-label="Tiêu đề">{{TITLE}}</td><td data-label="Kênh">{{CHANNEL}}</td><td data-label="Đơn vị">{{UNIT}}</td><td data-label="Trạng thái">{{STATE}}</td><td data-label="Hạn trả lời" class="when">{{DUE}}{{#LATE}} <strong class="late">(quá hạn)</strong>{{/LATE}}{{#SOON}} <strong>(sắp đến hạn)</strong>{{/SOON}}</td></tr>{{/ITEM}}</tbody>
  </table></div>{{/HAS_ITEMS}}
</section>
