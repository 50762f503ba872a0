{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p class="back"><a href="/units">← Danh sách đơn vị</a></p>
  <h1>{{NAME}} <small>{{CODE}}</small></h1>
  <dl class="summary">
    <div><dt>Tên đơn vị</dt><dd>{{NAME}}</dd>{{#CAN_EDIT}}<dd><a href="/units/{{CODE_URL}}/edit">Sửa<span class="visually-hidden"> thông tin đơn vị</span></a></dd>{{/CAN_EDIT}}</div>
    <div><dt>Mã đơn vị</dt><dd>{{CODE}}</dd></div>
    <div><dt>Cấp</dt><dd>{{LEVEL}}</dd></div>
    <div><dt>Trực thuộc</dt><dd>{{#HAS_PARENT}}{{#LINKED}}<a href="/units/{{URL}}">{{NAME}}</a>{{/LINKED}}{{#PLAIN}}{{NAME}}{{/PLAIN}} <small>{{CODE}}</small>{{/HAS_PARENT}}{{#NO_PARENT}}Không có (đơn vị cấp tỉnh){{/NO_PARENT}}</dd></div>
    <div><dt>Hiệu lực</dt><dd>{{VALIDITY}}</dd></div>
    {{#HAS_SUCCESSOR}}<div><dt>Sáp nhập vào</dt><dd>{{#LINKED}}<a href="/units/{{URL}}">{{NAME}}</a>{{/LINKED}}{{#PLAIN}}{{NAME}}{{/PLAIN}} <small>{{CODE}}</small></dd></div>{{/HAS_SUCCESSOR}}
    <div><dt>Giờ làm việc</dt><dd><a href="/calendar/work-week/{{CODE_URL}}">Xem giờ làm việc trong tuần</a></dd></div>
  </dl>
  <h2>Đơn vị trực thuộc</h2>
  {{#NO_CHILDREN}}<p>Không có đơn vị trực thuộc đang hiệu lực.</p>{{/NO_CHILDREN}}
  {{#HAS_CHILDREN}}<ul>{{#CHILD}}<li><a href="/units/{{CODE_URL}}">{{NAME}}</a> <small>{{CODE}}</small></li>{{/CHILD}}</ul>{{/HAS_CHILDREN}}
  {{#CAN_SEE_STAFF}}<p><a id="unit-conduct" href="/units/{{CODE_URL}}/phuong-cham">Phương châm và quy tắc ứng xử của đơn vị</a></p>
  <h2>Cán bộ</h2>
  {{#NO_STAFF}}<p>Chưa có cán bộ nào thuộc đơn vị này.</p>{{/NO_STAFF}}
  {{#HAS_STAFF}}<ul>{{#STAFF}}<li><a href="/officials/{{ID}}">{{FULL_NAME}}</a>{{#HAS_POSITION}}, {{POSITION}}{{/HAS_POSITION}}</li>{{/STAFF}}</ul>{{/HAS_STAFF}}{{/CAN_SEE_STAFF}}
  {{#CAN_SEE_HISTORY}}<p><a href="/events?entity=unit&amp;id={{CODE_URL}}">Lịch sử thay đổi của đơn vị</a></p>{{/CAN_SEE_HISTORY}}
</section>
