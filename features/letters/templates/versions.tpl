{{%AUTOESCAPE context="HTML"}}<section class="panel">
  <p class="back"><a href="{{TEMPLATE_URL}}">← Trở lại mẫu thư</a></p>
  <h1>{{HEADING}}</h1>
  <p class="lead">Các phiên bản đã lưu của đơn vị {{UNIT}}. Đang dùng: {{CURRENT}}. Khôi phục một phiên bản cũ sẽ lưu nội dung đó thành phiên bản mới nhất; các phiên bản khác vẫn được giữ lại, thư đã lập không thay đổi.</p>
  {{#NO_VERSIONS}}<p id="no-versions">Đơn vị chưa lưu phiên bản nào của mẫu này.</p>{{/NO_VERSIONS}}
  {{#HAS_VERSIONS}}<p id="versions-caption">Mới nhất trước; phiên bản đầu bảng đang được dùng.</p>
  <div class="table-wrap" role="region" aria-labelledby="versions-caption" tabindex="0"><table class="stack" id="versions" aria-labelledby="versions-caption">
    <thead><tr><th scope="col">Phiên bản</th><th scope="col">Lúc lưu</th><th scope="col">Tên thư</th><th scope="col">Mặt trước</th><th scope="col">Mặt sau</th><th scope="col">Khổ giấy</th><th scope="col">Thao tác</th></tr></thead>
    <tbody>{{#VERSION}}<tr><td data-label="Phiên bản">{{N}}</td><td data-label="Lúc lưu" class="when">{{AT}}</td><td data-label="Tên thư">{{TITLE}}</td><td data-label="Mặt trước"><span class="pre-line">{{FRONT}}</span></td><td data-label="Mặt sau"><span class="pre-line">{{BACK}}</span></td><td data-label="Khổ giấy">{{PAPER}}</td><td data-label="Thao tác">{{#IN_USE}}Đang dùng{{/IN_USE}}{{#CAN_RESTORE}}<a href="{{RESTORE_URL}}">Khôi phục<span class="visually-hidden"> phiên bản {{N}}</span></a>{{/CAN_RESTORE}}</td></tr>{{/VERSION}}</tbody>
  </table></div>{{/HAS_VERSIONS}}
</section>
