{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  <h1>{{TITLE}}</h1>
  <p><a href="/units">← Danh sách đơn vị</a>{{#IS_EDIT}} · <a href="/calendar/work-week/{{CODE_URL}}">Giờ làm việc</a>{{/IS_EDIT}}</p>
  {{#HAS_ERROR}}<div class="alert" role="alert" data-field="{{ERROR_FIELD}}">{{ERROR}}</div>{{/HAS_ERROR}}
  <form method="post" action="{{ACTION}}">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <label for="code">Mã đơn vị (theo danh mục của Tổng cục Thống kê)</label>
    {{#IS_NEW}}<input id="code" name="code" required maxlength="20" value="{{CODE}}">{{/IS_NEW}}
    {{#IS_EDIT}}<input id="code" value="{{CODE}}" readonly>{{/IS_EDIT}}
    <label for="name">Tên đơn vị</label>
    <input id="name" name="name" required maxlength="200" value="{{NAME}}">
    <label for="level">Cấp</label>
    <select id="level" name="level">{{#LEVEL}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/LEVEL}}</select>
    <label for="parent_code">Trực thuộc</label>
    <select id="parent_code" name="parent_code"><option value="">(không – cấp tỉnh)</option>{{#PARENT}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/PARENT}}</select>
    <label for="valid_from">Hiệu lực từ ngày</label>
    <input id="valid_from" name="valid_from" type="date" required value="{{VALID_FROM}}">
    <label for="valid_to">Hết hiệu lực từ ngày (để trống nếu còn hiệu lực)</label>
    <input id="valid_to" name="valid_to" type="date" value="{{VALID_TO}}">
    <label for="successor_code">Sáp nhập vào (khi hết hiệu lực)</label>
    <select id="successor_code" name="successor_code"><option value="">(không)</option>{{#SUCCESSOR}}<option value="{{VALUE}}" {{SELECTED}}>{{LABEL}}</option>{{/SUCCESSOR}}</select>
    <button type="submit">Lưu</button>
  </form>
</section>
