{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p class="back"><a href="/surveys/campaigns">← Đợt khảo sát</a></p>
  <h1>Bộ câu hỏi khảo sát</h1>
  <p class="lead">Các bộ câu hỏi dùng được ở đơn vị của bạn: của đơn vị, của các đơn vị cấp trên và bộ câu hỏi mẫu SIPAS của hệ thống. Mỗi lần lưu tạo một phiên bản mới; phiên bản đã dùng cho một đợt khảo sát được khóa, không thay đổi nữa.</p>
  {{#MAY_CREATE}}<p class="actions"><a class="button" href="/surveys/questionnaires/new" id="new-questionnaire">Soạn bộ câu hỏi mới</a></p>{{/MAY_CREATE}}
  {{#EMPTY}}<p id="questionnaires-empty">Chưa có bộ câu hỏi nào.</p>{{/EMPTY}}
  {{#GROUP}}<h2 id="{{GROUP_ID}}-heading">{{HEADING}}</h2>
  <p class="hint">{{OWNER}}</p>
  <div class="table-wrap" role="region" aria-labelledby="{{GROUP_ID}}-caption" tabindex="0"><table class="stack questionnaire-versions">
    <caption id="{{GROUP_ID}}-caption" class="visually-hidden">Các phiên bản của {{HEADING}}</caption>
    <thead><tr><th scope="col">Phiên bản</th><th scope="col">Tên</th><th scope="col">Nội dung</th><th scope="col">Tình trạng</th><th scope="col">Ngày tạo</th><th scope="col">Thao tác</th></tr></thead>
    <tbody>{{#VERSION}}<tr><th scope="row"><a href="{{URL}}">Phiên bản {{VERSION}}</a></th><td data-label="Tên">{{NAME}}</td><td data-label="Nội dung">{{COUNTS}}</td><td data-label="Tình trạng">{{STATE}}</td><td data-label="Ngày tạo">{{CREATED}}</td><td data-label="Thao tác">{{#MAY_EDIT}}<a href="{{EDIT_URL}}">Soạn phiên bản mới<span class="visually-hidden"> từ phiên bản {{VERSION}}</span></a>{{/MAY_EDIT}}{{#MAY_COPY}}<a href="{{COPY_URL}}">Tạo bản sao<span class="visually-hidden"> của phiên bản {{VERSION}}</span></a>{{/MAY_COPY}}</td></tr>{{/VERSION}}</tbody>
  </table></div>{{/GROUP}}
</section>
