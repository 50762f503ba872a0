{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p class="back"><a href="/desk">← Bộ phận một cửa</a></p>
  <h1>Tin nhắn báo cho người nộp</h1>
  <p>Tin nhắn được tạo cùng lúc với việc tiếp nhận, yêu cầu bổ sung, xin lỗi, trả kết quả hoặc từ chối hồ sơ, rồi gửi qua các kênh của đơn vị. Tin nhắn gửi không thành công sau nhiều lần thử có thể gửi lại.</p>
  <p>Cài đặt: <a href="/desk/notify/channels">kênh gửi của đơn vị</a> · <a href="/desk/notify/templates">mẫu tin nhắn</a>{{#IS_ADMIN}} · <a href="/desk/notify/log">tin nhắn kênh nhật ký</a>{{/IS_ADMIN}}</p>
  <form method="get" action="/desk/messages" class="filters" novalidate>
    <div class="field{{#STATUS_INVALID}} field-invalid{{/STATUS_INVALID}}">
      <label for="status">Trạng thái</label>
      {{#STATUS_INVALID}}<p class="field-error" id="status-error"><span class="visually-hidden">Lỗi: </span>{{STATUS_ERROR}}</p>{{/STATUS_INVALID}}
      <select id="status" name="status"{{#STATUS_INVALID}} aria-invalid="true" aria-describedby="status-error"{{/STATUS_INVALID}}>{{#STATUS_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/STATUS_OPTION}}</select>
    </div>
    <button type="submit" class="secondary">Xem</button>
  </form>
  {{#NONE}}<p>Không có tin nhắn nào.</p>{{/NONE}}
  {{#HAS_ROWS}}<div class="table-wrap" role="region" aria-labelledby="messages-caption" tabindex="0"><table class="stack" id="messages">
    <caption id="messages-caption">Tin nhắn mới nhất trước (tối đa 200)</caption>
    <thead><tr><th scope="col">Hồ sơ</th><th scope="col">Nội dung</th><th scope="col">Lúc tạo</th><th scope="col">Trạng thái</th><th scope="col">Kênh</th><th scope="col">Số lần gửi</th><th scope="col">Lỗi gần nhất</th><th scope="col">Thao tác</th></tr></thead>
    <tbody>{{#ROW}}<tr><td><a href="/desk/dossiers/{{CODE_URL}}">{{CODE}}</a></td><td data-label="Nội dung">{{EVENT}}</td><td data-label="Lúc tạo">{{AT}}</td><td data-label="Trạng thái">{{STATUS}}</td><td data-label="Kênh">{{CHANNEL}}</td><td data-label="Số lần gửi">{{ATTEMPTS}}</td><td data-label="Lỗi gần nhất">{{ERROR}}</td><td data-label="Thao tác">{{#CAN_RETRY}}<form method="post" action="/desk/messages/{{ID}}/retry" class="inline">
      <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
      <button type="submit" class="secondary" aria-label="Gửi lại tin nhắn {{EVENT}} của hồ sơ {{CODE}}">Gửi lại</button>
    </form>{{/CAN_RETRY}}</td></tr>{{/ROW}}</tbody>
  </table></div>{{/HAS_ROWS}}
</section>
