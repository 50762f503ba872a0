{{%AUTOESCAPE context="HTML"}}<section class="panel narrow">
  {{#CAN_LIST}}<p class="back"><a href="/officials">← Danh sách cán bộ</a></p>{{/CAN_LIST}}
  <h1>{{FULL_NAME}}</h1>
  {{#HAS_PHOTO}}<img class="official-photo" src="{{PHOTO_URL}}" alt="{{FULL_NAME}}" width="120" height="160">{{/HAS_PHOTO}}
  <p><a id="official-photo-link" href="/officials/{{ID}}/anh">Ảnh của cán bộ</a></p>
  <dl class="summary">
    <div><dt>Tên đăng nhập</dt><dd>{{USERNAME}}</dd></div>
    <div><dt>Chức vụ</dt><dd>{{POSITION}}</dd></div>
    <div><dt>Đơn vị công tác</dt><dd><a href="/units/{{UNIT_URL}}">{{UNIT}}</a></dd></div>
    <div><dt>Điện thoại</dt><dd>{{PHONE}}</dd></div>
    <div><dt>Thư điện tử</dt><dd>{{EMAIL}}</dd></div>
    <div><dt>Trạng thái</dt><dd>{{STATUS}}</dd></div>
  </dl>
  <h2>Vai trò</h2>
  {{#NO_GRANTS}}<p>Chưa có vai trò nào.</p>{{/NO_GRANTS}}
  <ul class="grants">{{#GRANT}}<li>{{ROLE}} trên {{UNIT}}</li>{{/GRANT}}</ul>
  {{#IS_SELF}}<p><a href="/account/password">Đổi mật khẩu của bạn</a></p>
  <p><a id="official-publication" href="/officials/{{ID}}/cong-khai">Thông tin của bạn trong danh bạ công khai</a></p>{{/IS_SELF}}
  <p class="hint">Chỉ quản trị viên của đơn vị mới sửa được thông tin và vai trò của cán bộ.</p>
</section>
